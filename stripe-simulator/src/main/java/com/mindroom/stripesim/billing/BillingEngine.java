package com.mindroom.stripesim.billing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import com.mindroom.common.plan.PlanCatalog.PricedPlan;
import com.mindroom.stripesim.events.EventLog;
import com.mindroom.stripesim.store.Docs;
import com.mindroom.stripesim.store.ObjectStore;
import com.mindroom.stripesim.store.StoredObject;

import org.springframework.stereotype.Component;

/**
 * What Stripe's billing engine does as time passes, applied in time order up to a given
 * moment: the trial-ending notice, trial ends, renewals, smart retries of failed payments
 * and scheduled cancellations. Every event carries the moment its work was due.
 */
@Component
public class BillingEngine {

	private static final Logger logger = LoggerFactory.getLogger(BillingEngine.class);

	private static final int MAX_STEPS = 10_000;

	private final ObjectStore store;

	private final Subscriptions subscriptions;

	private final Invoicing invoicing;

	private final EventLog events;

	BillingEngine(ObjectStore store, Subscriptions subscriptions, Invoicing invoicing, EventLog events) {
		this.store = store;
		this.subscriptions = subscriptions;
		this.invoicing = invoicing;
		this.events = events;
	}

	/**
	 * Runs every piece of billing work due up to a moment; call it inside a store write.
	 * @param until the moment (simulated epoch seconds)
	 * @return how many steps ran
	 */
	public int runUntil(long until) {
		int steps = 0;
		for (Optional<StoredObject> due = this.store.nextDue(until); due.isPresent(); due = this.store.nextDue(until)) {
			if (++steps > MAX_STEPS) {
				throw new IllegalStateException("Billing did not settle after " + MAX_STEPS + " steps");
			}
			step(due.get());
		}
		if (steps > 0) {
			logger.info("Billing engine ran {} step(s) up to {}", steps, until);
		}
		return steps;
	}

	private void step(StoredObject subscription) {
		SubscriptionDocs.Due due = this.subscriptions.nextWork(subscription)
			.orElseThrow(() -> new IllegalStateException("Subscription " + subscription.id() + " has no work due"));
		switch (due.work()) {
			case TRIAL_WILL_END -> {
				subscription.sim().put("trial_will_end_sent", true);
				this.subscriptions.save(subscription);
				this.events.emit("customer.subscription.trial_will_end", subscription.doc(), due.at());
			}
			case CANCEL -> this.subscriptions.cancelNow(subscription, "cancellation_requested", due.at());
			case RETRY -> retry(subscription, due.at());
			case RENEW -> renew(subscription, due.at());
		}
	}

	private void retry(StoredObject subscription, long at) {
		if (this.subscriptions.openInvoice(subscription).isPresent()) {
			this.subscriptions.retryPayment(subscription, at);
		}
		else {
			subscription.sim().remove("retry_at");
			this.subscriptions.save(subscription);
		}
	}

	/**
	 * Starts the next period (after a trial, or at a period's end) and collects its
	 * invoice, including prorations kept for it.
	 */
	private void renew(StoredObject subscription, long at) {
		ObjectNode doc = subscription.doc();
		ObjectNode before = doc.deepCopy();
		PricedPlan offer = this.subscriptions.offerOf(doc);
		long start = SubscriptionDocs.periodEnd(doc);
		long end = Periods.nextEnd(Docs.number(doc, "billing_cycle_anchor", start), start, offer.price().interval());
		SubscriptionDocs.setPeriod(doc, start, end);
		List<ObjectNode> lines = new ArrayList<>();
		if (subscription.sim().get("pending_lines") instanceof ArrayNode pending) {
			for (JsonNode line : pending) {
				lines.add((ObjectNode) line);
			}
			subscription.sim().remove("pending_lines");
		}
		lines.add(InvoiceDocs.line(doc, offer, Subscriptions.cycleDescription(offer), offer.price().amount(), start,
				end, false));
		StoredObject invoice = this.invoicing.issue(doc, lines, "subscription_cycle", start, end, at);
		boolean paid = this.invoicing.collect(invoice, false, at);
		this.subscriptions.afterCollection(subscription, before, invoice, paid, at);
	}

}
