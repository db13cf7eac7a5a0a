package com.mindroom.stripesim;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.checkout.Session;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.checkout.SessionCreateParams;

/**
 * Drives a running simulator in tests: its API through stripe-java's {@link StripeClient}
 * (as the platform does), its hosted pages and control API through plain HTTP.
 */
final class Simulator {

	static final String API_KEY = "sk_test_simulator";

	static final String STARTER = "price_starter_monthly";

	static final String PROFESSIONAL = "price_professional_monthly";

	private final String base;

	private final StripeClient stripe;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	Simulator(int port) {
		this.base = "http://127.0.0.1:" + port;
		this.stripe = StripeClient.builder().setApiKey(API_KEY).setApiBase(this.base).setMaxNetworkRetries(0).build();
	}

	StripeClient stripe() {
		return this.stripe;
	}

	String base() {
		return this.base;
	}

	Customer customer(String email) throws StripeException {
		return this.stripe.v1()
			.customers()
			.create(CustomerCreateParams.builder().setEmail(email).putMetadata("account_id", email).build());
	}

	Session session(String customer, String price, Long trialDays) throws StripeException {
		SessionCreateParams.SubscriptionData.Builder data = SessionCreateParams.SubscriptionData.builder()
			.putMetadata("account_id", "acct-" + customer);
		if (trialDays != null) {
			data.setTrialPeriodDays(trialDays);
		}
		return this.stripe.v1()
			.checkout()
			.sessions()
			.create(SessionCreateParams.builder()
				.setMode(SessionCreateParams.Mode.SUBSCRIPTION)
				.setCustomer(customer)
				.setClientReferenceId("acct-" + customer)
				.addLineItem(SessionCreateParams.LineItem.builder().setPrice(price).setQuantity(1L).build())
				.setSuccessUrl("http://localhost:8080/app/billing?session_id={CHECKOUT_SESSION_ID}")
				.setCancelUrl("http://localhost:8080/app/plans")
				.setSubscriptionData(data.build())
				.build());
	}

	/**
	 * Pays a checkout session on its hosted page, as a browser's form post does.
	 * @return the response (a redirect to the success URL when paid)
	 */
	HttpResponse<String> pay(Session session, String card) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("email", "payer@example.com");
		form.put("cardNumber", card);
		form.put("expiry", "12 / 34");
		form.put("cvc", "123");
		form.put("name", "Jane Doe");
		return postForm(URI.create(session.getUrl()), form);
	}

	/**
	 * Subscribes a new customer through checkout and returns the subscription's id.
	 */
	String subscribe(String email, String price, Long trialDays, String card) throws StripeException {
		Customer customer = customer(email);
		Session session = session(customer.getId(), price, trialDays);
		HttpResponse<String> paid = pay(session, card);
		if (paid.statusCode() != 302 && paid.statusCode() != 303) {
			throw new IllegalStateException("Checkout failed: " + paid.statusCode() + " " + paid.body());
		}
		return this.stripe.v1().checkout().sessions().retrieve(session.getId()).getSubscription();
	}

	HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET().build());
	}

	HttpResponse<String> postForm(URI uri, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map((entry) -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/**
	 * Calls the control API.
	 */
	HttpResponse<String> control(String method, String path, String json) {
		return send(HttpRequest.newBuilder(URI.create(this.base + "/_sim/api" + path))
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	HttpResponse<String> advance(String by) {
		return clock("{\"by\":\"" + by + "\"}");
	}

	HttpResponse<String> advanceTo(long epochSecond) {
		return clock("{\"to\":\"" + epochSecond + "\"}");
	}

	private HttpResponse<String> clock(String json) {
		HttpResponse<String> response = control("POST", "/clock/advance", json);
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Advance failed: " + response.body());
		}
		return response;
	}

	HttpResponse<String> send(HttpRequest request) {
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

}
