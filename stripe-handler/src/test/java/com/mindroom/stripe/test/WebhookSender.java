package com.mindroom.stripe.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

/**
 * Delivers webhooks to the running handler the way Stripe does: a POST of the exact JSON
 * body with its {@code Stripe-Signature}.
 */
public final class WebhookSender {

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	private final String secret;

	public WebhookSender(int port, String secret) {
		this.port = port;
		this.secret = secret;
	}

	/**
	 * Delivers a payload signed now with the sender's secret.
	 * @param payload the body
	 * @return the response
	 */
	public HttpResponse<String> deliver(String payload) {
		return post(payload, StripeFixtures.sign(payload, this.secret, Instant.now()));
	}

	public HttpResponse<String> post(String payload, String signature) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri())
			.header("Content-Type", "application/json; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString(payload));
		if (signature != null) {
			request.header("Stripe-Signature", signature);
		}
		return send(request.build());
	}

	public HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public URI uri() {
		return URI.create("http://127.0.0.1:" + this.port + "/webhooks/stripe");
	}

}
