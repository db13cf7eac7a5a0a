package com.mindroom.stripe.inbox;

import java.util.Locale;

/**
 * What became of a received event; every one of these is acknowledged to Stripe, since
 * the event is stored.
 */
public enum Receipt {

	/**
	 * Stored and applied.
	 */
	PROCESSED,

	/**
	 * Stored; the platform does not act on its type.
	 */
	IGNORED,

	/**
	 * Stored, but it could not be applied yet: it is retried with backoff.
	 */
	FAILED,

	/**
	 * Already stored by an earlier delivery; nothing was done again.
	 */
	DUPLICATE;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
