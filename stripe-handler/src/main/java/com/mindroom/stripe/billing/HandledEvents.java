package com.mindroom.stripe.billing;

import java.util.List;

/**
 * The Stripe event types the platform acts on (also the {@code types[]} filter of a
 * backfill); any other type is stored and marked ignored.
 */
public final class HandledEvents {

	public static final List<String> TYPES = List.of("checkout.session.completed", "customer.created",
			"customer.updated", "customer.deleted", "customer.subscription.created", "customer.subscription.updated",
			"customer.subscription.deleted", "customer.subscription.paused", "customer.subscription.resumed",
			"customer.subscription.trial_will_end", "invoice.paid", "invoice.payment_failed",
			"invoice.payment_action_required");

	private HandledEvents() {
	}

	static boolean isSubscriptionEvent(String type) {
		return type.startsWith("customer.subscription.");
	}

	static boolean isInvoiceEvent(String type) {
		return type.startsWith("invoice.");
	}

}
