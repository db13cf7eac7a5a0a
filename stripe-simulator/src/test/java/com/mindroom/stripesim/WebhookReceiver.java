package com.mindroom.stripesim;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small webhook endpoint for tests: records every delivery and verifies each signature
 * with stripe-java's {@link Webhook#constructEvent}; it can be told to fail the next
 * deliveries with a 500.
 */
final class WebhookReceiver implements AutoCloseable {

	static final String SECRET = "whsec_test_simulator_secret";

	private final HttpServer server;

	private final List<Received> received = new ArrayList<>();

	private final AtomicInteger failNext = new AtomicInteger();

	private final AtomicInteger attempts = new AtomicInteger();

	private WebhookReceiver(HttpServer server) {
		this.server = server;
	}

	static WebhookReceiver start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			WebhookReceiver receiver = new WebhookReceiver(server);
			server.createContext("/webhooks/stripe", receiver::handle);
			server.start();
			return receiver;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/webhooks/stripe";
	}

	private void handle(HttpExchange exchange) throws IOException {
		this.attempts.incrementAndGet();
		String payload;
		try (InputStream body = exchange.getRequestBody()) {
			payload = new String(body.readAllBytes(), StandardCharsets.UTF_8);
		}
		int status = 200;
		if (this.failNext.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
			status = 500;
		}
		else {
			String signature = exchange.getRequestHeaders().getFirst("Stripe-Signature");
			synchronized (this.received) {
				this.received.add(new Received(payload, signature, verify(payload, signature)));
			}
		}
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

	private static Event verify(String payload, String signature) {
		try {
			return Webhook.constructEvent(payload, signature, SECRET, 300);
		}
		catch (SignatureVerificationException ex) {
			return null;
		}
	}

	void failNext(int deliveries) {
		this.failNext.set(deliveries);
	}

	int attempts() {
		return this.attempts.get();
	}

	List<Received> received() {
		synchronized (this.received) {
			return List.copyOf(this.received);
		}
	}

	/**
	 * The verified events that concern an object (by the id anywhere in their data).
	 */
	List<Event> eventsAbout(String id) {
		return received().stream()
			.filter((delivery) -> delivery.payload().contains("\"" + id + "\""))
			.map(Received::event)
			.toList();
	}

	List<String> typesAbout(String id) {
		return eventsAbout(id).stream().map(Event::getType).toList();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * One accepted delivery.
	 *
	 * @param payload the body
	 * @param signature the {@code Stripe-Signature} header
	 * @param event the verified event, or {@code null} when the signature did not verify
	 */
	record Received(String payload, String signature, Event event) {

	}

}
