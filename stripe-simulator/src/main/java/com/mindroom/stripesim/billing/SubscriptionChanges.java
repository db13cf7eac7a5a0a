package com.mindroom.stripesim.billing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import com.mindroom.common.plan.PlanCatalog.PricedPlan;
import com.mindroom.stripesim.catalog.Catalog;
import com.mindroom.stripesim.store.Docs;
import com.mindroom.stripesim.store.StoredObject;

import org.springframework.stereotype.Component;

/**
 * Subscription updates: switching the price (with prorations as asked), scheduling or
 * withdrawing a cancellation, and metadata.
 */
@Component
public class SubscriptionChanges {

	private static final Set<String> PRORATIONS = Set.of("create_prorations", "always_invoice", "none");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final Subscriptions subscriptions;

	private final Invoicing invoicing;

	private final Catalog catalog;

	SubscriptionChanges(Subscriptions subscriptions, Invoicing invoicing, Catalog catalog) {
		this.subscriptions = subscriptions;
		this.invoicing = invoicing;
		this.catalog = catalog;
	}

	/**
	 * Applies an update ({@code customer.subscription.updated}, and an invoice when a
	 * price change is invoiced at once).
	 * @param id the subscription
	 * @param update the changes
	 * @param at the simulated time
	 * @return the subscription
	 */
	public StoredObject update(String id, SubscriptionUpdate update, long at) {
		StoredObject subscription = this.subscriptions.require(id);
		validate(subscription, update, at);
		ObjectNode before = subscription.doc().deepCopy();
		Changes.mergeMetadata(subscription.doc(), update.metadata());
		scheduleCancellation(subscription.doc(), update, at);
		List<ObjectNode> invoiceNow = (update.priceId() != null) ? changePrice(subscription, update, at) : List.of();
		this.subscriptions.saveChanged(subscription, before, at);
		if (invoiceNow.isEmpty()) {
			return subscription;
		}
		ObjectNode invoiced = subscription.doc().deepCopy();
		StoredObject invoice = this.invoicing.issue(subscription.doc(), invoiceNow, "subscription_update", at,
				SubscriptionDocs.periodEnd(subscription.doc()), at);
		this.subscriptions.save(subscription);
		boolean paid = this.invoicing.collect(invoice, false, at);
		return this.subscriptions.afterCollection(subscription, invoiced, invoice, paid, at);
	}

	private void validate(StoredObject subscription, SubscriptionUpdate update, long at) {
		if ("canceled".equals(SubscriptionDocs.status(subscription.doc())) && !update.changesOnlyMetadata()) {
			throw new InvalidRequestException("A canceled subscription can only update its metadata.", null);
		}
		if (update.cancelAtPeriodEnd() != null && (update.cancelAt() != null || update.cancelAtCleared())) {
			throw new InvalidRequestException(
					"You may only specify one of these parameters: cancel_at, cancel_at_period_end.", "cancel_at");
		}
		if (update.cancelAt() != null && update.cancelAt() <= at) {
			throw new InvalidRequestException("cancel_at must be in the future.", "cancel_at");
		}
		if (update.prorationBehavior() != null && !PRORATIONS.contains(update.prorationBehavior())) {
			throw new InvalidRequestException("Invalid proration_behavior: must be one of " + PRORATIONS,
					"proration_behavior");
		}
		String itemId = Docs.text(SubscriptionDocs.item(subscription.doc()), "id");
		if (update.itemId() != null && !update.itemId().equals(itemId)) {
			throw new InvalidRequestException("No such subscription item: '" + update.itemId() + "'", "items[0][id]");
		}
		if (update.priceId() != null && this.catalog.offer(update.priceId()).isEmpty()) {
			throw new InvalidRequestException("No such price: '" + update.priceId() + "'", "items[0][price]");
		}
	}

	private static void scheduleCancellation(ObjectNode doc, SubscriptionUpdate update, long at) {
		Long cancelAt = update.cancelAt();
		if (Boolean.TRUE.equals(update.cancelAtPeriodEnd())) {
			cancelAt = SubscriptionDocs.periodEnd(doc);
		}
		if (Boolean.FALSE.equals(update.cancelAtPeriodEnd()) || update.cancelAtCleared()) {
			doc.putNull("cancel_at");
			doc.put("cancel_at_period_end", false);
			doc.putNull("canceled_at");
			((ObjectNode) doc.get("cancellation_details")).putNull("reason");
		}
		if (cancelAt != null) {
			doc.put("cancel_at", cancelAt);
			doc.put("cancel_at_period_end", cancelAt == SubscriptionDocs.periodEnd(doc));
			doc.put("canceled_at", at);
			((ObjectNode) doc.get("cancellation_details")).put("reason", "cancellation_requested");
		}
	}

	/**
	 * Moves the item to the new price. Returns the lines to invoice now: prorations with
	 * {@code always_invoice}, or a new period when the interval changes (which resets the
	 * billing cycle, as Stripe does). {@code create_prorations} keeps the prorations for
	 * the next renewal.
	 */
	private List<ObjectNode> changePrice(StoredObject subscription, SubscriptionUpdate update, long at) {
		ObjectNode doc = subscription.doc();
		PricedPlan from = this.subscriptions.offerOf(doc);
		PricedPlan to = this.catalog.offer(update.priceId()).orElseThrow();
		if (from.price().stripePriceId().equals(to.price().stripePriceId())) {
			return List.of();
		}
		String behavior = (update.prorationBehavior() != null) ? update.prorationBehavior() : "create_prorations";
		boolean trialing = "trialing".equals(SubscriptionDocs.status(doc));
		long start = SubscriptionDocs.periodStart(doc);
		long end = SubscriptionDocs.periodEnd(doc);
		List<ObjectNode> prorations = (trialing || "none".equals(behavior)) ? List.of()
				: prorations(doc, from, to, start, end, at);
		replacePrice(doc, to);
		if (!trialing && from.price().interval() != to.price().interval()) {
			long newEnd = Periods.oneFrom(at, to.price().interval());
			SubscriptionDocs.setPeriod(doc, at, newEnd);
			doc.put("billing_cycle_anchor", at);
			List<ObjectNode> lines = new ArrayList<>(prorations.subList(0, Math.min(1, prorations.size())));
			lines.add(InvoiceDocs.line(doc, to, Subscriptions.cycleDescription(to), to.price().amount(), at, newEnd,
					false));
			return lines;
		}
		if ("always_invoice".equals(behavior)) {
			return prorations;
		}
		ArrayNode pending = (subscription.sim().get("pending_lines") instanceof ArrayNode lines) ? lines
				: subscription.sim().putArray("pending_lines");
		prorations.forEach(pending::add);
		return List.of();
	}

	private static List<ObjectNode> prorations(ObjectNode doc, PricedPlan from, PricedPlan to, long start, long end,
			long at) {
		double remaining = Periods.remaining(start, end, at);
		String after = DAY.format(Instant.ofEpochSecond(at));
		ObjectNode credit = InvoiceDocs.line(doc, from, "Unused time on " + Catalog.nickname(from) + " after " + after,
				-Math.round(from.price().amount() * remaining), at, end, true);
		ObjectNode charge = InvoiceDocs.line(doc, to, "Remaining time on " + Catalog.nickname(to) + " after " + after,
				Math.round(to.price().amount() * remaining), at, end, true);
		return List.of(credit, charge);
	}

	private static void replacePrice(ObjectNode doc, PricedPlan to) {
		ObjectNode item = SubscriptionDocs.item(doc);
		item.set("price", Catalog.price(to));
		item.set("plan", Catalog.legacyPlan(to));
		doc.put("currency", to.price().currency());
	}

}
