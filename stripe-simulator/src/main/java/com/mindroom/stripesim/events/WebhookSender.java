package com.mindroom.stripesim.events;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;

import com.stripe.net.Webhook;

import com.mindroom.stripesim.system.SimulatorProperties;

import org.springframework.stereotype.Component;

/**
 * Sends one event to the webhook endpoint, signed as Stripe signs:
 * {@code Stripe-Signature: t=<unix>,v1=<HMAC-SHA256 hex of "t.payload">}. The timestamp
 * is real time (a signature is about transport, not about the simulated clock).
 */
@Component
class WebhookSender {

	private final SimulatorProperties properties;

	private final HttpClient http;

	private final Clock clock = Clock.systemUTC();

	WebhookSender(SimulatorProperties properties) {
		this.properties = properties;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.delivery().timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * Sends a payload.
	 * @param payload the event JSON
	 * @return the outcome
	 */
	Outcome send(String payload) {
		try {
			HttpRequest request = HttpRequest.newBuilder(this.properties.webhookUrl())
				.timeout(this.properties.delivery().timeout())
				.header("Content-Type", "application/json; charset=utf-8")
				.header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
				.header("Stripe-Signature", signature(payload))
				.POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
				.build();
			int status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			return new Outcome(status, (status >= 200 && status < 300) ? null : "HTTP " + status);
		}
		catch (IOException ex) {
			return new Outcome(null, ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Outcome(null, "interrupted");
		}
	}

	String signature(String payload) {
		long timestamp = this.clock.instant().getEpochSecond();
		try {
			String v1 = Webhook.Util.computeHmacSha256(this.properties.webhookSecret(), timestamp + "." + payload);
			return "t=" + timestamp + ",v1=" + v1;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	/**
	 * What one attempt gave.
	 *
	 * @param status the HTTP status, if a response came
	 * @param error what went wrong, or {@code null} on a 2xx
	 */
	record Outcome(Integer status, String error) {

		boolean delivered() {
			return this.error == null;
		}

	}

}
