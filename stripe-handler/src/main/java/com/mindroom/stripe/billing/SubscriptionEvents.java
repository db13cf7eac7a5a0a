package com.mindroom.stripe.billing;

import java.time.Instant;

import com.stripe.model.Event;
import com.stripe.model.Subscription;

import com.mindroom.common.lifecycle.TenantLifecycle;

import org.springframework.stereotype.Component;

/**
 * Applies {@code customer.subscription.*} events: the subscription's current state when
 * it was fetched, else the event's snapshot at the event's time; then the trial-ending
 * and canceled notices.
 */
@Component
class SubscriptionEvents {

	private final SubscriptionSync sync;

	private final BillingNotices notices;

	private final TenantLifecycle lifecycle;

	SubscriptionEvents(SubscriptionSync sync, BillingNotices notices, TenantLifecycle lifecycle) {
		this.sync = sync;
		this.notices = notices;
		this.lifecycle = lifecycle;
	}

	void apply(PreparedEvent prepared, Subscription delivered) {
		Event event = prepared.event();
		SubscriptionSync.Applied applied = applyLatest(prepared, delivered);
		SubscriptionRow row = applied.row();
		if ("customer.subscription.deleted".equals(event.getType()) && "canceled".equals(row.status())) {
			Instant end = row.snapshot().effectiveEnd();
			this.notices.canceled(row.accountId(), row,
					(end != null) ? end.plus(this.lifecycle.policy().canceledRetention()) : null);
		}
		if ("customer.subscription.trial_will_end".equals(event.getType()) && "trialing".equals(row.status())) {
			this.notices.trialWillEnd(row.accountId(), row);
		}
	}

	/**
	 * Applies the newest state known for the event's subscription.
	 * @param prepared the event, with the fetched state if any
	 * @param delivered the snapshot the event carried
	 * @return what happened
	 */
	SubscriptionSync.Applied applyLatest(PreparedEvent prepared, Subscription delivered) {
		Event event = prepared.event();
		if (prepared.current() != null) {
			return this.sync.apply(SubscriptionState.from(prepared.current()), prepared.fetchedAt(), prepared.created(),
					event.getId(), EventApplier.actor(event));
		}
		return this.sync.apply(SubscriptionState.from(delivered), prepared.created(), prepared.created(), event.getId(),
				EventApplier.actor(event));
	}

}
