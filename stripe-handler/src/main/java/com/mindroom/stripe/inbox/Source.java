package com.mindroom.stripe.inbox;

import java.util.Locale;

/**
 * How an event reached the inbox, as stored in {@code stripe_events.source}.
 */
public enum Source {

	WEBHOOK, BACKFILL;

	String dbValue() {
		return name().toLowerCase(Locale.ROOT);
	}

}
