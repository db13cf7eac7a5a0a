package com.mindroom.stripesim.billing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import com.mindroom.common.plan.BillingInterval;
import com.mindroom.common.plan.PlanCatalog.PricedPlan;
import com.mindroom.stripesim.catalog.Catalog;
import com.mindroom.stripesim.store.Docs;
import com.mindroom.stripesim.store.Ids;

/**
 * Subscription documents in the current API's shape (the billing period lives on the
 * items) and when the billing engine next has work for one.
 */
final class SubscriptionDocs {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private SubscriptionDocs() {
	}

	/**
	 * A new subscription.
	 * @param customer the customer id
	 * @param offer the plan and price
	 * @param metadata its metadata
	 * @param trialEnd when its trial ends, or {@code null} without a trial
	 * @param paymentMethod the card it charges
	 * @param at when it starts
	 * @return the document (status {@code trialing} or {@code active})
	 */
	static ObjectNode create(String customer, PricedPlan offer, Map<String, String> metadata, Long trialEnd,
			String paymentMethod, long at) {
		ObjectNode doc = nodes.objectNode();
		String id = Ids.next("sub");
		long periodEnd = (trialEnd != null) ? trialEnd : Periods.oneFrom(at, offer.price().interval());
		doc.put("id", id);
		doc.put("object", "subscription");
		doc.putNull("application");
		doc.putNull("application_fee_percent");
		ObjectNode tax = doc.putObject("automatic_tax");
		tax.putNull("disabled_reason");
		tax.put("enabled", false);
		tax.putNull("liability");
		doc.put("billing_cycle_anchor", (trialEnd != null) ? trialEnd : at);
		doc.putNull("billing_cycle_anchor_config");
		doc.putObject("billing_mode").put("type", "classic");
		doc.putNull("billing_thresholds");
		doc.putNull("cancel_at");
		doc.put("cancel_at_period_end", false);
		doc.putNull("canceled_at");
		ObjectNode cancellation = doc.putObject("cancellation_details");
		cancellation.putNull("comment");
		cancellation.putNull("feedback");
		cancellation.putNull("reason");
		doc.put("collection_method", "charge_automatically");
		doc.put("created", at);
		doc.put("currency", offer.price().currency());
		doc.put("customer", customer);
		doc.putNull("days_until_due");
		doc.put("default_payment_method", paymentMethod);
		doc.putNull("default_source");
		doc.putArray("default_tax_rates");
		doc.putNull("description");
		doc.putArray("discounts");
		doc.putNull("ended_at");
		doc.putObject("invoice_settings").putObject("issuer").put("type", "self");
		ObjectNode items = doc.putObject("items");
		items.put("object", "list");
		items.putArray("data").add(item(id, offer, at, periodEnd, at));
		items.put("has_more", false);
		items.put("total_count", 1);
		items.put("url", "/v1/subscription_items?subscription=" + id);
		doc.putNull("latest_invoice");
		doc.put("livemode", false);
		Changes.mergeMetadata(doc, metadata);
		doc.putNull("next_pending_invoice_item_invoice");
		doc.putNull("on_behalf_of");
		doc.putNull("pause_collection");
		doc.putNull("pending_invoice_item_interval");
		doc.putNull("pending_setup_intent");
		doc.putNull("pending_update");
		doc.putNull("schedule");
		doc.put("start_date", at);
		doc.put("status", (trialEnd != null) ? "trialing" : "active");
		doc.putNull("test_clock");
		doc.putNull("transfer_data");
		doc.put("trial_end", trialEnd);
		doc.putObject("trial_settings").putObject("end_behavior").put("missing_payment_method", "create_invoice");
		doc.put("trial_start", (trialEnd != null) ? at : null);
		return doc;
	}

	static ObjectNode item(String subscription, PricedPlan offer, long periodStart, long periodEnd, long at) {
		ObjectNode item = nodes.objectNode();
		item.put("id", Ids.next("si"));
		item.put("object", "subscription_item");
		item.putNull("billing_thresholds");
		item.put("created", at);
		item.put("current_period_end", periodEnd);
		item.put("current_period_start", periodStart);
		item.putArray("discounts");
		item.putObject("metadata");
		item.set("plan", Catalog.legacyPlan(offer));
		item.set("price", Catalog.price(offer));
		item.put("quantity", 1);
		item.put("subscription", subscription);
		item.putArray("tax_rates");
		return item;
	}

	/**
	 * The subscription's (single) item.
	 * @param subscription the subscription
	 * @return its first item
	 */
	static ObjectNode item(ObjectNode subscription) {
		return (ObjectNode) subscription.get("items").get("data").get(0);
	}

	static String priceId(ObjectNode subscription) {
		return Docs.text(Docs.object(item(subscription), "price"), "id");
	}

	static BillingInterval interval(ObjectNode subscription) {
		return BillingInterval
			.fromStripe(Docs.text(Docs.object(Docs.object(item(subscription), "price"), "recurring"), "interval"));
	}

	static long periodStart(ObjectNode subscription) {
		return Docs.number(item(subscription), "current_period_start", 0);
	}

	static long periodEnd(ObjectNode subscription) {
		return Docs.number(item(subscription), "current_period_end", 0);
	}

	static void setPeriod(ObjectNode subscription, long start, long end) {
		item(subscription).put("current_period_start", start);
		item(subscription).put("current_period_end", end);
	}

	static String status(ObjectNode subscription) {
		return Docs.text(subscription, "status");
	}

	/**
	 * The billing engine's next work for a subscription: the trial-ending notice, a
	 * scheduled cancellation, a payment retry, or the next period (after the trial or at
	 * the period's end), whichever is due first (a cancellation wins a tie).
	 * @param doc the subscription
	 * @param sim its internal state
	 * @param trialWillEnd how long before a trial's end the notice goes out
	 * @return the work, or empty for a canceled subscription
	 */
	static Optional<Due> nextWork(ObjectNode doc, ObjectNode sim, Duration trialWillEnd) {
		String status = status(doc);
		if ("canceled".equals(status) || "incomplete_expired".equals(status)) {
			return Optional.empty();
		}
		List<Due> work = new ArrayList<>();
		Long trialEnd = Docs.number(doc, "trial_end");
		boolean trialing = "trialing".equals(status) && trialEnd != null;
		if (trialing && !Docs.flag(sim, "trial_will_end_sent")
				&& trialEnd - trialWillEnd.toSeconds() > Docs.number(doc, "trial_start", 0)) {
			work.add(new Due(Work.TRIAL_WILL_END, trialEnd - trialWillEnd.toSeconds()));
		}
		Optional.ofNullable(Docs.number(doc, "cancel_at")).ifPresent((at) -> work.add(new Due(Work.CANCEL, at)));
		Optional.ofNullable(Docs.number(sim, "retry_at")).ifPresent((at) -> work.add(new Due(Work.RETRY, at)));
		work.add(new Due(Work.RENEW, trialing ? trialEnd : periodEnd(doc)));
		return work.stream().min(Comparator.comparingLong(Due::at));
	}

	/**
	 * A kind of billing work.
	 */
	enum Work {

		TRIAL_WILL_END, CANCEL, RETRY, RENEW

	}

	/**
	 * Billing work and when it is due.
	 *
	 * @param work what
	 * @param at when (epoch seconds)
	 */
	record Due(Work work, long at) {

	}

}
