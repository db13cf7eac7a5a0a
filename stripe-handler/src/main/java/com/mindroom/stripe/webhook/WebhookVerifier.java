package com.mindroom.stripe.webhook;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.common.stripe.StripeProperties;
import com.mindroom.common.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.ErrorResponseException;

/**
 * Verifies webhook deliveries with stripe-java ({@code Webhook.constructEvent}) against
 * each configured signing secret in turn (so a secret can be rotated), within the
 * configured tolerance on either side of now. Signatures are checked against real time,
 * as Stripe signs with it, even when the platform's clock is simulated.
 */
@Component
class WebhookVerifier {

	private static final Logger logger = LoggerFactory.getLogger(WebhookVerifier.class);

	private final List<String> secrets;

	private final long toleranceSeconds;

	private final Clock realTime = Clock.systemUTC();

	private final WebhookMetrics metrics;

	WebhookVerifier(StripeProperties properties, WebhookMetrics metrics) {
		this.metrics = metrics;
		this.secrets = properties.webhookSecrets();
		this.toleranceSeconds = properties.webhookTolerance().toSeconds();
		if (this.secrets.isEmpty()) {
			logger.error("No Stripe webhook signing secret is configured (STRIPE_WEBHOOK_SECRET): every delivery to "
					+ "/webhooks/stripe is refused with 503 until one is set");
		}
		else {
			logger.info("Stripe webhooks are verified with {} signing secret(s), tolerance {} s", this.secrets.size(),
					this.toleranceSeconds);
		}
	}

	/**
	 * Verifies a delivery and reads its event.
	 * @param payload the raw body
	 * @param header the {@code Stripe-Signature} header, if any
	 * @return the event
	 * @throws ErrorResponseException 400 for anything wrong with the delivery, 503 when
	 * no secret is configured
	 */
	Event verify(String payload, String header) {
		if (this.secrets.isEmpty()) {
			throw Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "webhook-not-configured",
					"Stripe webhooks cannot be verified: no signing secret is configured.");
		}
		if (!StringUtils.hasText(header)) {
			throw refusedSignature("missing-signature", "The Stripe-Signature header is missing.");
		}
		long timestamp = SignatureHeader.timestamp(header)
			.orElseThrow(
					() -> refusedSignature("invalid-signature", "The Stripe-Signature header has no valid timestamp."));
		long now = this.realTime.millis() / 1000;
		if (Math.abs(now - timestamp) > this.toleranceSeconds) {
			throw refusedSignature("invalid-signature",
					"The signature's timestamp is outside the tolerance of " + this.toleranceSeconds + " seconds.");
		}
		Event event = construct(payload, header)
			.orElseThrow(() -> refusedSignature("invalid-signature", "No valid signature for this payload was found."));
		requireEvent(event);
		return event;
	}

	private Optional<Event> construct(String payload, String header) {
		for (String secret : this.secrets) {
			try {
				return Optional.of(Webhook.constructEvent(payload, header, secret, this.toleranceSeconds));
			}
			catch (SignatureVerificationException ex) {
				// not signed with this secret: try the next one
			}
			catch (RuntimeException ex) {
				throw rejected("invalid-payload", "The payload is not a valid JSON Stripe event.");
			}
		}
		return Optional.empty();
	}

	private static void requireEvent(Event event) {
		boolean complete = event.getId() != null && event.getId().startsWith("evt_")
				&& StringUtils.hasText(event.getType()) && event.getCreated() != null && event.getData() != null;
		if (!complete) {
			throw rejected("invalid-payload", "The payload is not a Stripe event (id, type, created, data).");
		}
	}

	/**
	 * Refuses a delivery for its signature, counted for the alert on bursts of them.
	 */
	private ErrorResponseException refusedSignature(String reason, String detail) {
		this.metrics.refused(reason);
		return rejected(reason, detail);
	}

	static ErrorResponseException rejected(String slug, String detail) {
		logger.warn("Rejected a Stripe webhook delivery: {}", detail);
		return Problems.of(HttpStatus.BAD_REQUEST, slug, detail);
	}

}
