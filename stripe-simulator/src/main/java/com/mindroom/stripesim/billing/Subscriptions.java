package com.mindroom.stripesim.billing;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import com.mindroom.common.plan.PlanCatalog.PricedPlan;
import com.mindroom.stripesim.catalog.Catalog;
import com.mindroom.stripesim.events.EventLog;
import com.mindroom.stripesim.store.Docs;
import com.mindroom.stripesim.store.Ids;
import com.mindroom.stripesim.store.ObjectStore;
import com.mindroom.stripesim.store.StoredObject;
import com.mindroom.stripesim.system.SimulatorProperties;

import org.springframework.stereotype.Component;

/**
 * Subscriptions: starting one from checkout (with its first invoice), cancelling,
 * collecting an open invoice again, and the bookkeeping every change shares (the billing
 * engine's due time, {@code customer.subscription.updated} with the previous values).
 */
@Component
public class Subscriptions {

	private final ObjectStore store;

	private final Invoicing invoicing;

	private final EventLog events;

	private final Catalog catalog;

	private final Duration trialWillEnd;

	Subscriptions(ObjectStore store, Invoicing invoicing, EventLog events, Catalog catalog,
			SimulatorProperties properties) {
		this.store = store;
		this.invoicing = invoicing;
		this.events = events;
		this.catalog = catalog;
		this.trialWillEnd = properties.billing().trialWillEnd();
	}

	public StoredObject require(String id) {
		return this.store.require("subscription", id);
	}

	/**
	 * Starts a subscription ({@code customer.subscription.created}) and collects its
	 * first invoice (zero during a trial), as checkout does once the card is accepted.
	 * @param request what to start
	 * @param at the simulated time
	 * @return the subscription
	 */
	public StoredObject start(NewSubscription request, long at) {
		Long trialEnd = (request.trialDays() != null) ? at + Duration.ofDays(request.trialDays()).toSeconds() : null;
		ObjectNode doc = SubscriptionDocs.create(request.customer(), request.offer(), request.metadata(), trialEnd,
				request.paymentMethod(), at);
		StoredObject subscription = new StoredObject(Docs.text(doc, "id"), "subscription", doc,
				JsonNodeFactory.instance.objectNode());
		long end = SubscriptionDocs.periodEnd(doc);
		long amount = (trialEnd != null) ? 0 : request.offer().price().amount();
		String description = (trialEnd != null) ? "Trial period for " + Catalog.nickname(request.offer())
				: cycleDescription(request.offer());
		ObjectNode line = InvoiceDocs.line(doc, request.offer(), description, amount, at, end, false);
		String invoiceId = Ids.next("in");
		doc.put("latest_invoice", invoiceId);
		save(subscription);
		this.events.emit("customer.subscription.created", doc, at);
		StoredObject invoice = this.invoicing.issue(invoiceId, doc, List.of(line), "subscription_create", at, end, at);
		save(subscription);
		this.invoicing.collect(invoice, true, at);
		return subscription;
	}

	/**
	 * Ends a subscription now ({@code customer.subscription.deleted}).
	 * @param subscription the subscription
	 * @param reason {@code cancellation_requested} or {@code payment_failed}
	 * @param at the simulated time
	 * @return the subscription
	 */
	public StoredObject cancelNow(StoredObject subscription, String reason, long at) {
		ObjectNode doc = subscription.doc();
		if ("canceled".equals(SubscriptionDocs.status(doc))) {
			throw new InvalidRequestException(
					"No such subscription: '" + subscription.id() + "' (it is already canceled)", "id");
		}
		doc.put("status", "canceled");
		doc.put("ended_at", at);
		if (Docs.number(doc, "canceled_at") == null) {
			doc.put("canceled_at", at);
		}
		((ObjectNode) doc.get("cancellation_details")).put("reason", reason);
		subscription.sim().remove("retry_at");
		save(subscription);
		this.events.emit("customer.subscription.deleted", doc, at);
		return subscription;
	}

	/**
	 * Tries to collect the subscription's open invoice again (after the card was fixed,
	 * or as a scheduled smart retry).
	 * @param subscription the subscription
	 * @param at the simulated time
	 * @return the subscription
	 */
	public StoredObject retryPayment(StoredObject subscription, long at) {
		Optional<StoredObject> invoice = openInvoice(subscription);
		if (invoice.isEmpty()) {
			throw new InvalidRequestException("Subscription '" + subscription.id() + "' has no open invoice to pay",
					"subscription");
		}
		ObjectNode before = subscription.doc().deepCopy();
		boolean paid = this.invoicing.collect(invoice.get(), false, at);
		return afterCollection(subscription, before, invoice.get(), paid, at);
	}

	/**
	 * Settles a subscription after a collection attempt: {@code active} when paid,
	 * otherwise {@code past_due} with the next smart retry, or canceled once the retries
	 * are exhausted.
	 */
	StoredObject afterCollection(StoredObject subscription, ObjectNode before, StoredObject invoice, boolean paid,
			long at) {
		ObjectNode doc = subscription.doc();
		if (paid) {
			subscription.sim().remove("retry_at");
			doc.put("status", "active");
			return saveChanged(subscription, before, at);
		}
		Long retry = Docs.number(invoice.doc(), "next_payment_attempt");
		if (retry == null) {
			saveChanged(subscription, before, at);
			return cancelNow(subscription, "payment_failed", at);
		}
		subscription.sim().put("retry_at", retry);
		doc.put("status", "past_due");
		return saveChanged(subscription, before, at);
	}

	/**
	 * The subscription's latest invoice while it is open (unpaid).
	 * @param subscription the subscription
	 * @return the invoice, if open
	 */
	public Optional<StoredObject> openInvoice(StoredObject subscription) {
		String id = Docs.text(subscription.doc(), "latest_invoice");
		return Optional.ofNullable(id)
			.flatMap((invoice) -> this.store.find("invoice", invoice))
			.filter((invoice) -> "open".equals(Docs.text(invoice.doc(), "status")));
	}

	/**
	 * The plan and price a subscription is on.
	 * @param subscription the subscription document
	 * @return the offer
	 */
	PricedPlan offerOf(ObjectNode subscription) {
		String price = SubscriptionDocs.priceId(subscription);
		return this.catalog.offer(price)
			.orElseThrow(() -> new IllegalStateException("Price '" + price + "' is no longer in the plan catalog"));
	}

	static String cycleDescription(PricedPlan offer) {
		return "1 × " + Catalog.nickname(offer) + " (at "
				+ Money.format(offer.price().amount(), offer.price().currency()) + " / "
				+ offer.price().interval().stripeValue() + ")";
	}

	/**
	 * When the billing engine next acts on a subscription, and what it does then.
	 * @param subscription the subscription
	 * @return the work ("renew", "retry", "cancel", "trial_will_end") and its time
	 */
	public Optional<Map.Entry<String, Long>> nextBilling(StoredObject subscription) {
		return nextWork(subscription).map((due) -> Map.entry(due.work().name().toLowerCase(Locale.ROOT), due.at()));
	}

	Optional<SubscriptionDocs.Due> nextWork(StoredObject subscription) {
		return SubscriptionDocs.nextWork(subscription.doc(), subscription.sim(), this.trialWillEnd);
	}

	void save(StoredObject subscription) {
		this.store.save(subscription,
				SubscriptionDocs.nextWork(subscription.doc(), subscription.sim(), this.trialWillEnd)
					.map(SubscriptionDocs.Due::at)
					.orElse(null));
	}

	/**
	 * Saves a subscription and sends {@code customer.subscription.updated} when its
	 * document changed.
	 */
	StoredObject saveChanged(StoredObject subscription, ObjectNode before, long at) {
		save(subscription);
		ObjectNode previous = Changes.previous(before, subscription.doc());
		if (!previous.isEmpty()) {
			this.events.emit("customer.subscription.updated", subscription.doc(), previous, at);
		}
		return subscription;
	}

}
