package com.mindroom.stripe.billing;

import java.util.Set;

import com.stripe.model.Event;
import com.stripe.model.Invoice;

import org.springframework.stereotype.Component;

/**
 * Applies {@code invoice.*} events: stores the invoice, moves its subscription through
 * dunning (past due on a failed payment, active again when paid; from the fetched
 * subscription when the Stripe API is configured) and queues the payment notices.
 */
@Component
class InvoiceEvents {

	private static final Set<String> ENTITLED = Set.of("active", "trialing");

	private static final Set<String> OVERDUE = Set.of("past_due", "unpaid");

	private final InvoiceSync invoices;

	private final SubscriptionSync subscriptions;

	private final BillingNotices notices;

	InvoiceEvents(InvoiceSync invoices, SubscriptionSync subscriptions, BillingNotices notices) {
		this.invoices = invoices;
		this.subscriptions = subscriptions;
		this.notices = notices;
	}

	void apply(PreparedEvent prepared, Invoice invoice) {
		Event event = prepared.event();
		InvoiceSync.Owner owner = this.invoices.apply(invoice, prepared.created());
		if (prepared.current() != null) {
			this.subscriptions.apply(SubscriptionState.from(prepared.current()), prepared.fetchedAt(),
					prepared.created(), event.getId(), EventApplier.actor(event));
		}
		else if (owner.stripeSubscriptionId() != null) {
			inferDunning(event, owner.stripeSubscriptionId(), prepared);
		}
		switch (event.getType()) {
			case "invoice.payment_failed" -> this.notices.paymentFailed(owner.accountId(), invoice, false);
			case "invoice.payment_action_required" -> this.notices.paymentFailed(owner.accountId(), invoice, true);
			default -> {
			}
		}
	}

	private void inferDunning(Event event, String stripeSubscriptionId, PreparedEvent prepared) {
		String actor = EventApplier.actor(event);
		if ("invoice.payment_failed".equals(event.getType())) {
			this.subscriptions.transition(stripeSubscriptionId, ENTITLED, "past_due", prepared.created(), event.getId(),
					actor);
		}
		else if ("invoice.paid".equals(event.getType())) {
			this.subscriptions.transition(stripeSubscriptionId, OVERDUE, "active", prepared.created(), event.getId(),
					actor);
		}
	}

}
