package com.mindroom.stripe.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;

import com.stripe.Stripe;
import com.stripe.net.Webhook;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Realistic Stripe objects (the example objects of Stripe's OpenAPI fixtures, as served
 * by stripe-mock) adjusted per test, wrapped in events of the pinned API version and
 * signed exactly as Stripe signs deliveries:
 * {@code t=<unix>,v1=<hex HMAC-SHA256 of "t.body">}.
 */
public final class StripeFixtures {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNode OBJECTS = load();

	private StripeFixtures() {
	}

	private static JsonNode load() {
		try (InputStream in = StripeFixtures.class.getResourceAsStream("/stripe/stripe-objects.json")) {
			return JSON.readTree(in).get("resources");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static String id(String prefix) {
		return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

	/**
	 * A subscription of one item at a price, in a monthly period from now.
	 * @param id the subscription id
	 * @param customer the customer id
	 * @param status the status
	 * @param priceId the price id
	 * @param periodEnd the end of the current period
	 * @return the subscription
	 */
	public static ObjectNode subscription(String id, String customer, String status, String priceId,
			Instant periodEnd) {
		ObjectNode subscription = ((ObjectNode) OBJECTS.get("subscription")).deepCopy();
		subscription.put("id", id).put("customer", customer).put("status", status);
		subscription.put("cancel_at_period_end", false)
			.putNull("cancel_at")
			.putNull("canceled_at")
			.putNull("ended_at")
			.putNull("trial_start")
			.putNull("trial_end");
		subscription.putObject("metadata");
		ObjectNode item = (ObjectNode) subscription.get("items").get("data").get(0);
		item.put("subscription", id)
			.put("current_period_start", periodEnd.minusSeconds(30L * 86400).getEpochSecond())
			.put("current_period_end", periodEnd.getEpochSecond());
		price((ObjectNode) item.get("price"), priceId);
		return subscription;
	}

	public static void price(ObjectNode price, String priceId) {
		boolean yearly = priceId.endsWith("yearly");
		long amount = priceId.contains("professional") ? 9900 : 2900;
		price.put("id", priceId).put("unit_amount", yearly ? amount * 10 : amount).put("currency", "usd");
		((ObjectNode) price.get("recurring")).put("interval", yearly ? "year" : "month");
	}

	public static ObjectNode invoice(String id, String customer, String subscription, String status) {
		ObjectNode invoice = ((ObjectNode) OBJECTS.get("invoice")).deepCopy();
		invoice.put("id", id).put("customer", customer).put("status", status).put("number", "MR-" + id.substring(3, 9));
		invoice.put("amount_due", 2900).put("amount_paid", "paid".equals(status) ? 2900 : 0);
		invoice.put("amount_remaining", "paid".equals(status) ? 0 : 2900).put("attempt_count", 1);
		invoice.put("hosted_invoice_url", "https://invoice.stripe.com/i/" + id);
		ObjectNode parent = (ObjectNode) invoice.get("parent");
		parent.put("type", "subscription_details").putNull("quote_details");
		((ObjectNode) parent.get("subscription_details")).put("subscription", subscription);
		return invoice;
	}

	public static ObjectNode checkoutSession(String clientReferenceId, String customer, String subscription) {
		ObjectNode session = ((ObjectNode) OBJECTS.get("checkout.session")).deepCopy();
		session.put("id", id("cs_test"))
			.put("mode", "subscription")
			.put("status", "complete")
			.put("payment_status", "paid")
			.put("client_reference_id", clientReferenceId)
			.put("customer", customer)
			.put("subscription", subscription);
		return session;
	}

	public static ObjectNode customer(String id) {
		ObjectNode customer = ((ObjectNode) OBJECTS.get("customer")).deepCopy();
		customer.put("id", id);
		return customer;
	}

	/**
	 * An event as Stripe delivers it.
	 * @param id the event id
	 * @param type the type
	 * @param created when Stripe created it
	 * @param object the object it carries
	 * @return the event JSON
	 */
	public static String event(String id, String type, Instant created, ObjectNode object) {
		ObjectNode event = ((ObjectNode) OBJECTS.get("event")).deepCopy();
		event.put("id", id).put("type", type).put("created", created.getEpochSecond());
		event.put("api_version", Stripe.API_VERSION).put("livemode", false).put("pending_webhooks", 1);
		((ObjectNode) event.get("data")).set("object", object);
		return JSON.writeValueAsString(event);
	}

	/**
	 * Signs a payload as Stripe does.
	 * @param payload the exact body
	 * @param secret the endpoint's signing secret
	 * @param timestamp the signing time
	 * @return the {@code Stripe-Signature} header
	 */
	public static String sign(String payload, String secret, Instant timestamp) {
		try {
			long t = timestamp.getEpochSecond();
			return "t=" + t + ",v1=" + Webhook.Util.computeHmacSha256(secret, t + "." + payload);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
