package com.mindroom.stripe.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import com.mindroom.common.db.Timestamps;
import com.mindroom.common.lifecycle.SubscriptionSnapshot;
import com.mindroom.common.lifecycle.SubscriptionStatus;

/**
 * A row of {@code subscriptions} as the handler reads and writes it.
 *
 * @param id the row id ({@code null} before it is inserted)
 * @param accountId the owning account
 * @param stripeId the Stripe subscription id
 * @param customerId the Stripe customer id
 * @param status the Stripe status
 * @param plan the catalog plan
 * @param interval the billing interval ({@code month} or {@code year})
 * @param priceId the Stripe price id
 * @param unitAmount the price per unit in minor units
 * @param currency the currency
 * @param quantity how many units
 * @param trialStart the trial start
 * @param trialEnd the trial end
 * @param periodStart the current period's start
 * @param periodEnd the current period's end
 * @param cancelAtPeriodEnd whether it ends with the period
 * @param cancelAt a scheduled cancellation
 * @param canceledAt when cancellation was requested
 * @param endedAt when it ended
 * @param pastDueSince when it became past due
 * @param stateAt the Stripe time of the state
 */
record SubscriptionRow(UUID id, UUID accountId, String stripeId, String customerId, String status, String plan,
		String interval, String priceId, Long unitAmount, String currency, int quantity, Instant trialStart,
		Instant trialEnd, Instant periodStart, Instant periodEnd, boolean cancelAtPeriodEnd, Instant cancelAt,
		Instant canceledAt, Instant endedAt, Instant pastDueSince, Instant stateAt) {

	private static final Set<String> TERMINAL = Set.of("canceled", "incomplete_expired");

	static final String COLUMNS = """
			id, account_id, stripe_subscription_id, stripe_customer_id, status, plan, billing_interval,
			stripe_price_id, unit_amount, currency, quantity, trial_start, trial_end, current_period_start,
			current_period_end, cancel_at_period_end, cancel_at, canceled_at, ended_at, past_due_since, stripe_state_at
			""";

	static SubscriptionRow read(ResultSet rs, int row) throws SQLException {
		return new SubscriptionRow(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
				rs.getString("stripe_subscription_id"), rs.getString("stripe_customer_id"), rs.getString("status"),
				rs.getString("plan"), rs.getString("billing_interval"), rs.getString("stripe_price_id"),
				rs.getObject("unit_amount", Long.class), rs.getString("currency"), rs.getInt("quantity"),
				Timestamps.read(rs, "trial_start"), Timestamps.read(rs, "trial_end"),
				Timestamps.read(rs, "current_period_start"), Timestamps.read(rs, "current_period_end"),
				rs.getBoolean("cancel_at_period_end"), Timestamps.read(rs, "cancel_at"),
				Timestamps.read(rs, "canceled_at"), Timestamps.read(rs, "ended_at"),
				Timestamps.read(rs, "past_due_since"), Timestamps.read(rs, "stripe_state_at"));
	}

	static boolean terminal(String status) {
		return TERMINAL.contains(status);
	}

	/**
	 * Whether a state of the given status and time must not replace this one: it is
	 * older, or this subscription has ended for good (Stripe never revives a canceled
	 * subscription).
	 * @param status the incoming status
	 * @param at the incoming state's time
	 * @return whether to skip the incoming state
	 */
	boolean supersedes(String status, Instant at) {
		return (this.stateAt != null && at.isBefore(this.stateAt)) || (terminal(this.status) && !terminal(status));
	}

	boolean sameStateAs(SubscriptionRow other) {
		return Objects.equals(this.accountId, other.accountId) && Objects.equals(this.customerId, other.customerId)
				&& Objects.equals(this.status, other.status) && Objects.equals(this.plan, other.plan)
				&& Objects.equals(this.interval, other.interval) && Objects.equals(this.priceId, other.priceId)
				&& Objects.equals(this.unitAmount, other.unitAmount) && Objects.equals(this.currency, other.currency)
				&& this.quantity == other.quantity && Objects.equals(this.trialStart, other.trialStart)
				&& Objects.equals(this.trialEnd, other.trialEnd) && Objects.equals(this.periodStart, other.periodStart)
				&& Objects.equals(this.periodEnd, other.periodEnd) && this.cancelAtPeriodEnd == other.cancelAtPeriodEnd
				&& Objects.equals(this.cancelAt, other.cancelAt) && Objects.equals(this.canceledAt, other.canceledAt)
				&& Objects.equals(this.endedAt, other.endedAt) && Objects.equals(this.pastDueSince, other.pastDueSince);
	}

	SubscriptionRow withId(UUID newId) {
		return new SubscriptionRow(newId, this.accountId, this.stripeId, this.customerId, this.status, this.plan,
				this.interval, this.priceId, this.unitAmount, this.currency, this.quantity, this.trialStart,
				this.trialEnd, this.periodStart, this.periodEnd, this.cancelAtPeriodEnd, this.cancelAt, this.canceledAt,
				this.endedAt, this.pastDueSince, this.stateAt);
	}

	/**
	 * This row moved to another status at a later time (dunning inferred from invoices).
	 * @param newStatus the status
	 * @param at when
	 * @return the changed row
	 */
	SubscriptionRow transition(String newStatus, Instant at) {
		Instant since = "past_due".equals(newStatus) ? at : null;
		return new SubscriptionRow(this.id, this.accountId, this.stripeId, this.customerId, newStatus, this.plan,
				this.interval, this.priceId, this.unitAmount, this.currency, this.quantity, this.trialStart,
				this.trialEnd, this.periodStart, this.periodEnd, this.cancelAtPeriodEnd, this.cancelAt, this.canceledAt,
				"canceled".equals(newStatus) ? at : this.endedAt, since, at);
	}

	SubscriptionSnapshot snapshot() {
		return new SubscriptionSnapshot(SubscriptionStatus.fromStripe(this.status), this.trialEnd, this.periodEnd,
				this.cancelAtPeriodEnd, this.cancelAt, this.pastDueSince, this.endedAt, this.canceledAt);
	}

}
