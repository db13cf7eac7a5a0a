package com.mindroom.stripe.billing;

import java.util.Locale;

/**
 * What applying an event came to, as stored in {@code stripe_events.status}.
 */
public enum EventOutcome {

	/**
	 * The event was applied (an older snapshot that changed nothing counts too).
	 */
	PROCESSED,

	/**
	 * The event is of a type the platform does not act on.
	 */
	IGNORED;

	public String dbValue() {
		return name().toLowerCase(Locale.ROOT);
	}

}
