package com.mindroom.stripe.webhook;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import com.stripe.model.Event;

import com.mindroom.stripe.inbox.EventInbox;
import com.mindroom.stripe.inbox.MalformedEventException;
import com.mindroom.stripe.inbox.Receipt;
import com.mindroom.stripe.inbox.Source;
import com.mindroom.stripe.system.StripeHandlerProperties;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/stripe}: verify, store (and apply) the event, then answer 200.
 * Bad deliveries get a 400 problem and change nothing; a database that cannot be reached
 * gets a 503 (the shared problem-details advice), so Stripe retries.
 */
@RestController
class StripeWebhookController {

	private final WebhookVerifier verifier;

	private final EventInbox inbox;

	private final long maxBodySize;

	StripeWebhookController(WebhookVerifier verifier, EventInbox inbox, StripeHandlerProperties properties) {
		this.verifier = verifier;
		this.inbox = inbox;
		this.maxBodySize = properties.webhook().maxBodySize().toBytes();
	}

	@PostMapping("/webhooks/stripe")
	Map<String, String> receive(HttpServletRequest request,
			@RequestHeader(name = "Stripe-Signature", required = false) String signature) throws IOException {
		String payload = WebhookBody.read(request, this.maxBodySize);
		Event event = this.verifier.verify(payload, signature);
		try {
			Receipt receipt = this.inbox.receive(event, payload, Source.WEBHOOK);
			return Map.of("id", event.getId(), "received", receipt.value());
		}
		catch (MalformedEventException ex) {
			throw WebhookVerifier.rejected("invalid-payload", "The payload is not valid JSON.");
		}
	}

}
