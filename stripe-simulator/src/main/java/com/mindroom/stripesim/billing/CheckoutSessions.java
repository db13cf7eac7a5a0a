package com.mindroom.stripesim.billing;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import com.mindroom.common.plan.PlanCatalog.PricedPlan;
import com.mindroom.stripesim.catalog.Catalog;
import com.mindroom.stripesim.events.EventLog;
import com.mindroom.stripesim.store.Docs;
import com.mindroom.stripesim.store.Ids;
import com.mindroom.stripesim.store.ObjectStore;
import com.mindroom.stripesim.store.StoredObject;

import org.springframework.stereotype.Component;

/**
 * Checkout sessions in subscription mode: created through the API, completed on the
 * hosted checkout page, which starts the subscription and sends
 * {@code checkout.session.completed}.
 */
@Component
public class CheckoutSessions {

	private static final Duration LIFETIME = Duration.ofHours(24);

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private final ObjectStore store;

	private final Customers customers;

	private final Subscriptions subscriptions;

	private final Catalog catalog;

	private final EventLog events;

	CheckoutSessions(ObjectStore store, Customers customers, Subscriptions subscriptions, Catalog catalog,
			EventLog events) {
		this.store = store;
		this.customers = customers;
		this.subscriptions = subscriptions;
		this.catalog = catalog;
		this.events = events;
	}

	/**
	 * Creates a session.
	 * @param request the session's settings
	 * @param pagesUrl the base URL of the hosted pages
	 * @param at the simulated time
	 * @return the session
	 */
	public StoredObject create(CheckoutRequest request, String pagesUrl, long at) {
		PricedPlan offer = validate(request);
		String id = Ids.secret("cs_test", 58);
		ObjectNode doc = nodes.objectNode();
		long amount = (request.trialDays() != null) ? 0 : offer.price().amount();
		doc.put("id", id);
		doc.put("object", "checkout.session");
		doc.putNull("allow_promotion_codes");
		doc.put("amount_subtotal", amount);
		doc.put("amount_total", amount);
		doc.put("cancel_url", request.cancelUrl());
		doc.put("client_reference_id", request.clientReferenceId());
		doc.put("created", at);
		doc.put("currency", offer.price().currency());
		doc.put("customer", request.customer());
		doc.put("customer_creation", (request.customer() == null) ? "always" : null);
		doc.putNull("customer_details");
		doc.put("customer_email", request.customerEmail());
		doc.put("expires_at", at + LIFETIME.toSeconds());
		doc.putNull("invoice");
		doc.put("livemode", false);
		doc.putNull("locale");
		doc.putObject("metadata");
		Changes.mergeMetadata(doc, request.metadata());
		doc.put("mode", "subscription");
		doc.putNull("payment_intent");
		doc.put("payment_method_collection", "always");
		doc.putArray("payment_method_types").add("card");
		doc.put("payment_status", "unpaid");
		doc.put("status", "open");
		doc.putNull("submit_type");
		doc.putNull("subscription");
		doc.put("success_url", request.successUrl());
		doc.put("ui_mode", "hosted");
		doc.put("url", pagesUrl + "/c/pay/" + id);
		ObjectNode sim = nodes.objectNode();
		sim.put("price", offer.price().stripePriceId());
		sim.put("trial_days", request.trialDays());
		ObjectNode subscriptionMetadata = sim.putObject("subscription_metadata");
		if (request.subscriptionMetadata() != null) {
			request.subscriptionMetadata().forEach(subscriptionMetadata::put);
		}
		StoredObject session = new StoredObject(id, "checkout.session", doc, sim);
		this.store.save(session);
		return session;
	}

	private PricedPlan validate(CheckoutRequest request) {
		if (!"subscription".equals(request.mode())) {
			throw new InvalidRequestException("The simulator supports mode=subscription only.", "mode");
		}
		if (request.priceId() == null) {
			throw new InvalidRequestException("Missing required param: line_items[0][price].", "line_items");
		}
		PricedPlan offer = this.catalog.offer(request.priceId())
			.orElseThrow(() -> new InvalidRequestException("No such price: '" + request.priceId() + "'",
					"line_items[0][price]"));
		if (request.quantity() != null && request.quantity() != 1) {
			throw new InvalidRequestException("The simulator sells a quantity of 1.", "line_items[0][quantity]");
		}
		requireUrl(request.successUrl(), "success_url", true);
		requireUrl(request.cancelUrl(), "cancel_url", false);
		if (request.customer() != null && request.customerEmail() != null) {
			throw new InvalidRequestException("You may only specify one of these parameters: customer, customer_email.",
					"customer_email");
		}
		if (request.customer() != null) {
			this.customers.require(request.customer());
		}
		if (request.trialDays() != null && (request.trialDays() < 1 || request.trialDays() > 730)) {
			throw new InvalidRequestException("trial_period_days must be between 1 and 730.",
					"subscription_data[trial_period_days]");
		}
		return offer;
	}

	private static void requireUrl(String url, String param, boolean required) {
		if (url == null) {
			if (required) {
				throw new InvalidRequestException("Missing required param: " + param + ".", param);
			}
			return;
		}
		try {
			URI uri = URI.create(url.replace("{CHECKOUT_SESSION_ID}", "x"));
			if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
				throw new IllegalArgumentException(url);
			}
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException("Not a valid URL", param);
		}
	}

	/**
	 * A session as it is now: an open session past its expiry reads as {@code expired}.
	 * @param session the stored session
	 * @param now the simulated time
	 * @return the session's document
	 */
	public ObjectNode view(StoredObject session, long now) {
		ObjectNode doc = session.doc().deepCopy();
		if ("open".equals(Docs.text(doc, "status")) && now > Docs.number(doc, "expires_at", Long.MAX_VALUE)) {
			doc.put("status", "expired");
		}
		return doc;
	}

	/**
	 * Pays a session with a card: creates the customer if needed, attaches the card,
	 * starts the subscription and collects its first invoice, then sends
	 * {@code checkout.session.completed}.
	 * @param id the session
	 * @param email the customer's email as entered
	 * @param card the card
	 * @param at the simulated time
	 * @return the completed session
	 * @throws CardException when the card is declined (nothing is changed)
	 */
	public StoredObject complete(String id, String email, Cards.Card card, long at) {
		StoredObject session = this.store.require("checkout.session", id);
		if (!"open".equals(Docs.text(view(session, at), "status"))) {
			throw new InvalidRequestException("This checkout session is no longer open.", null);
		}
		if (!card.behavior().charges(true)) {
			throw new CardException("Your card was declined.", "card_declined");
		}
		ObjectNode doc = session.doc();
		StoredObject customer = customerFor(doc, email, at);
		String paymentMethod = this.customers.attachCard(customer, card, at);
		ObjectNode sim = session.sim();
		PricedPlan offer = this.catalog.offer(Docs.text(sim, "price")).orElseThrow();
		Long trialDays = Docs.number(sim, "trial_days");
		StoredObject subscription = this.subscriptions
			.start(new NewSubscription(customer.id(), offer, metadata(Docs.object(sim, "subscription_metadata")),
					(trialDays != null) ? trialDays.intValue() : null, paymentMethod), at);
		doc.put("customer", customer.id());
		ObjectNode details = doc.putObject("customer_details");
		details.putNull("address");
		details.put("email", Docs.text(this.customers.require(customer.id()).doc(), "email"));
		details.putNull("name");
		details.putNull("phone");
		details.put("tax_exempt", "none");
		details.putArray("tax_ids");
		doc.put("invoice", Docs.text(subscription.doc(), "latest_invoice"));
		doc.put("payment_status", (trialDays != null) ? "no_payment_required" : "paid");
		doc.put("status", "complete");
		doc.put("subscription", subscription.id());
		this.store.save(session);
		this.events.emit("checkout.session.completed", doc, at);
		return session;
	}

	/**
	 * Expires an open session ({@code checkout.session.expired}), so it can no longer be
	 * paid.
	 * @param id the session
	 * @param at the simulated time
	 * @return the session
	 */
	public StoredObject expire(String id, long at) {
		StoredObject session = this.store.require("checkout.session", id);
		if (!"open".equals(Docs.text(session.doc(), "status"))) {
			throw new InvalidRequestException("Only open checkout sessions can be expired.", null);
		}
		session.doc().put("status", "expired");
		this.store.save(session);
		this.events.emit("checkout.session.expired", session.doc(), at);
		return session;
	}

	private StoredObject customerFor(ObjectNode session, String email, long at) {
		String existing = Docs.text(session, "customer");
		if (existing != null) {
			return this.customers.require(existing);
		}
		return this.customers.create(new CustomerFields(email, null, null, null, null, null), at);
	}

	private static Map<String, String> metadata(ObjectNode node) {
		Map<String, String> metadata = new LinkedHashMap<>();
		if (node != null) {
			node.properties().forEach((field) -> metadata.put(field.getKey(), field.getValue().stringValue()));
		}
		return metadata;
	}

	/**
	 * Where the customer goes after paying.
	 * @param session the completed session
	 * @return the success URL with the session id filled in
	 */
	public static String successUrl(StoredObject session) {
		return Docs.text(session.doc(), "success_url").replace("{CHECKOUT_SESSION_ID}", session.id());
	}

}
