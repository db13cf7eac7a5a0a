package com.mindroom.common.lifecycle;

import java.time.Instant;

/**
 * The billing facts the lifecycle decides on, from one subscription row.
 *
 * @param status the Stripe status
 * @param trialEnd the end of the trial, if any
 * @param currentPeriodEnd the end of the paid period, if known
 * @param cancelAtPeriodEnd whether the subscription ends when the period ends
 * @param cancelAt when a scheduled cancellation takes effect, if one is scheduled
 * @param pastDueSince when the subscription became past due (the grace period runs from
 * here)
 * @param endedAt when the subscription ended (for canceled ones); falls back to the
 * canceled time
 * @param canceledAt when cancellation was requested
 */
public record SubscriptionSnapshot(SubscriptionStatus status, Instant trialEnd, Instant currentPeriodEnd,
		boolean cancelAtPeriodEnd, Instant cancelAt, Instant pastDueSince, Instant endedAt, Instant canceledAt) {

	public static SubscriptionSnapshot of(SubscriptionStatus status) {
		return new SubscriptionSnapshot(status, null, null, false, null, null, null, null);
	}

	/**
	 * When access ends by a cancellation already requested: the scheduled cancellation
	 * time, else the period end when the subscription cancels at period end.
	 * @return the end of access, or {@code null} when no cancellation is pending
	 */
	public Instant scheduledEnd() {
		if (this.cancelAt != null) {
			return this.cancelAt;
		}
		return this.cancelAtPeriodEnd ? this.currentPeriodEnd : null;
	}

	/**
	 * When the subscription stopped giving access, for retention: the end, else the
	 * cancellation, else the period end.
	 * @return the end time, or {@code null} when unknown
	 */
	public Instant effectiveEnd() {
		if (this.endedAt != null) {
			return this.endedAt;
		}
		return (this.canceledAt != null) ? this.canceledAt : this.currentPeriodEnd;
	}

}
