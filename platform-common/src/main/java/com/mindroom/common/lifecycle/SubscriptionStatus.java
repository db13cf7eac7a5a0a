package com.mindroom.common.lifecycle;

import java.util.Locale;

/**
 * Every status a Stripe subscription can have, as Stripe and {@code subscriptions.status}
 * write it.
 */
public enum SubscriptionStatus {

	INCOMPLETE, INCOMPLETE_EXPIRED, TRIALING, ACTIVE, PAST_DUE, CANCELED, UNPAID, PAUSED;

	public String stripeValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static SubscriptionStatus fromStripe(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
