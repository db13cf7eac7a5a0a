package com.mindroom.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local Stripe simulator as the journey drives it: its control API
 * ({@code /_sim/api}: the clock, cards, payment retries) and its Stripe API ({@code /v1},
 * with the test key run-local.sh gives the platform) to look at customers and
 * subscriptions.
 */
final class SimulatedStripe {

	private static final String BASE = "http://127.0.0.1:8086";

	/** The key run-local.sh configures when it simulates Stripe. */
	private static final String API_KEY = "sk_test_local_simulator";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * The Stripe customer with this email.
	 * @param email the email
	 * @return the customer id
	 */
	String customerId(String email) {
		JsonNode customers = get("/v1/customers?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
		assertThat(customers.get("data").size()).as("Stripe customers with email %s", email).isOne();
		return customers.get("data").get(0).get("id").asString();
	}

	/**
	 * The customer's only subscription.
	 * @param customerId the customer
	 * @return the subscription id
	 */
	String subscriptionId(String customerId) {
		JsonNode subscriptions = get("/v1/subscriptions?status=all&customer=" + customerId);
		assertThat(subscriptions.get("data").size()).as("subscriptions of %s", customerId).isOne();
		return subscriptions.get("data").get(0).get("id").asString();
	}

	/**
	 * A subscription's status as Stripe reports it.
	 * @param subscriptionId the subscription
	 * @return {@code active}, {@code past_due}, {@code canceled}, ...
	 */
	String subscriptionStatus(String subscriptionId) {
		return get("/v1/subscriptions/" + subscriptionId).get("status").asString();
	}

	/**
	 * Replaces the customer's card, without collecting open invoices with it.
	 * @param customerId the customer
	 * @param number the card number
	 */
	void useCard(String customerId, String number) {
		post("/_sim/api/customers/" + customerId + "/card", Map.of("number", number, "retryOpenInvoices", false));
	}

	/**
	 * Retries the subscription's open invoice now, as Stripe's smart retries would.
	 * @param subscriptionId the subscription
	 * @return the subscription's status afterwards
	 */
	String retryPayment(String subscriptionId) {
		return post("/_sim/api/subscriptions/" + subscriptionId + "/retry-payment", Map.of()).get("status").asString();
	}

	/**
	 * Advances the clock to the next moment billing has work (a renewal, a retry).
	 */
	void advanceToNextBillingWork() {
		post("/_sim/api/clock/advance-to-next", Map.of());
	}

	/**
	 * Advances the clock.
	 * @param by how far, such as {@code 7d} or {@code P7DT1H}
	 */
	void advance(String by) {
		post("/_sim/api/clock/advance", Map.of("by", by));
	}

	private JsonNode get(String path) {
		return send(request(path).GET().build());
	}

	private JsonNode post(String path, Map<String, Object> body) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body)))
			.build());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(BASE + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + API_KEY);
	}

	private JsonNode send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as("%s %s answered %s", request.method(), request.uri(), response.body())
				.isEqualTo(200);
			return this.json.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
