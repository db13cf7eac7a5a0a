package com.mindroom.stripe.billing;

import java.time.Instant;

import com.stripe.model.Event;
import com.stripe.model.Subscription;

/**
 * An event with what was fetched for it before its transaction: the current state of the
 * subscription it concerns, when the Stripe API is configured.
 *
 * @param event the event
 * @param current the subscription as Stripe has it now, or {@code null}
 * @param fetchedAt when the fetch started (the current state is at least this new), or
 * {@code null}
 */
public record PreparedEvent(Event event, Subscription current, Instant fetchedAt) {

	static PreparedEvent asDelivered(Event event) {
		return new PreparedEvent(event, null, null);
	}

	Instant created() {
		return Instant.ofEpochSecond(this.event.getCreated());
	}

}
