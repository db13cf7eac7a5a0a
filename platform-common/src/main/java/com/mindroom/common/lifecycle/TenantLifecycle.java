package com.mindroom.common.lifecycle;

import java.time.Instant;

import com.mindroom.common.db.Timestamps;

/**
 * The tenant lifecycle as a pure function (DESIGN.md section 2): from a subscription, its
 * account, the holds on the instance and the current time to the state the instance
 * should be in. Entitlement is per subscription; the account and the holds can only take
 * it away.
 */
public final class TenantLifecycle {

	private final LifecyclePolicy policy;

	public TenantLifecycle(LifecyclePolicy policy) {
		this.policy = policy;
	}

	public LifecyclePolicy policy() {
		return this.policy;
	}

	/**
	 * Decides the desired state of an instance.
	 * @param subscription the subscription the instance belongs to
	 * @param account the account that owns it
	 * @param holds the holds on the instance
	 * @param now the current time
	 * @return the decision
	 */
	public LifecycleDecision decide(SubscriptionSnapshot subscription, AccountSnapshot account, InstanceHolds holds,
			Instant now) {
		Instant deletion = account.deletionScheduledFor();
		if (account.status() == AccountStatus.DELETED) {
			return new LifecycleDecision(DesiredState.DELETED, "The account was deleted", false, null);
		}
		if (deletion != null && !now.isBefore(deletion)) {
			return new LifecycleDecision(DesiredState.DELETED, "The account's deletion took effect", false, null);
		}
		LifecycleDecision billing = entitlement(subscription, now);
		Instant reviewAt = earliest(billing.reviewAt(), deletion);
		if (billing.desired() == DesiredState.DELETED) {
			return billing;
		}
		if (account.status() == AccountStatus.SUSPENDED) {
			return new LifecycleDecision(DesiredState.SUSPENDED, "The account is suspended", billing.entitled(),
					reviewAt);
		}
		if (!billing.entitled()) {
			return new LifecycleDecision(billing.desired(), billing.reason(), false, reviewAt);
		}
		if (holds.restoring()) {
			return new LifecycleDecision(DesiredState.SUSPENDED, "Restoring data from a backup", true, reviewAt);
		}
		if (holds.suspendedByAdmin()) {
			return new LifecycleDecision(DesiredState.SUSPENDED, "Suspended by an administrator", true, reviewAt);
		}
		if (holds.stoppedByCustomer()) {
			return new LifecycleDecision(DesiredState.SUSPENDED, "Stopped by the customer", true, reviewAt);
		}
		return new LifecycleDecision(DesiredState.RUNNING, billing.reason(), true, reviewAt);
	}

	/**
	 * Whether the subscription alone entitles an instance to run now.
	 * @param subscription the subscription
	 * @param now the current time
	 * @return whether it is entitled
	 */
	public boolean isEntitled(SubscriptionSnapshot subscription, Instant now) {
		return entitlement(subscription, now).entitled();
	}

	private LifecycleDecision entitlement(SubscriptionSnapshot subscription, Instant now) {
		return switch (subscription.status()) {
			case ACTIVE -> active(subscription, now);
			case TRIALING -> trialing(subscription, now);
			case PAST_DUE -> pastDue(subscription, now);
			case CANCELED -> ended(subscription.effectiveEnd(), "The subscription was canceled", now);
			case UNPAID -> notEntitled("Payment failed and all retries are exhausted");
			case PAUSED -> notEntitled("The subscription is paused");
			case INCOMPLETE -> notEntitled("Waiting for the first payment");
			case INCOMPLETE_EXPIRED ->
				new LifecycleDecision(DesiredState.DELETED, "The first payment was never completed", false, null);
		};
	}

	private LifecycleDecision active(SubscriptionSnapshot subscription, Instant now) {
		Instant end = subscription.scheduledEnd();
		if (end == null) {
			return entitled("The subscription is active", null);
		}
		if (now.isBefore(end)) {
			return entitled("The subscription is active and cancels on " + Timestamps.readable(end), end);
		}
		return ended(end, "The subscription's final period ended", now);
	}

	private LifecycleDecision trialing(SubscriptionSnapshot subscription, Instant now) {
		Instant trialEnd = subscription.trialEnd();
		if (trialEnd == null) {
			return entitled("Trial", null);
		}
		if (now.isBefore(trialEnd)) {
			return entitled("Trial until " + Timestamps.readable(trialEnd), trialEnd);
		}
		return notEntitled("The trial ended");
	}

	private LifecycleDecision pastDue(SubscriptionSnapshot subscription, Instant now) {
		Instant since = subscription.pastDueSince();
		if (since == null) {
			return entitled("Payment failed; in the grace period", null);
		}
		Instant graceEnd = since.plus(this.policy.pastDueGrace());
		if (now.isBefore(graceEnd)) {
			return entitled("Payment failed; keeps running until " + Timestamps.readable(graceEnd), graceEnd);
		}
		return notEntitled("Payment overdue past the grace period");
	}

	private LifecycleDecision ended(Instant end, String reason, Instant now) {
		if (end == null) {
			return notEntitled(reason);
		}
		Instant retentionEnd = end.plus(this.policy.canceledRetention());
		if (now.isBefore(retentionEnd)) {
			return new LifecycleDecision(DesiredState.SUSPENDED,
					reason + "; data kept until " + Timestamps.readable(retentionEnd), false, retentionEnd);
		}
		return new LifecycleDecision(DesiredState.DELETED, reason + "; the retention period is over", false, null);
	}

	private static LifecycleDecision entitled(String reason, Instant reviewAt) {
		return new LifecycleDecision(DesiredState.RUNNING, reason, true, reviewAt);
	}

	private static LifecycleDecision notEntitled(String reason) {
		return new LifecycleDecision(DesiredState.SUSPENDED, reason, false, null);
	}

	private static Instant earliest(Instant a, Instant b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.isBefore(b)) ? a : b;
	}

}
