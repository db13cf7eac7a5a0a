package com.mindroom.portal.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import com.mindroom.common.db.Timestamps;

/**
 * A subscription as the customer sees it.
 *
 * @param id the subscription id
 * @param plan the plan id
 * @param status the Stripe status ({@code active}, {@code trialing}...)
 * @param interval {@code month} or {@code year}, for paid plans
 * @param unitAmount the price in minor units, for paid plans
 * @param currency the currency, for paid plans
 * @param trialEnd when the trial ends, if trialing
 * @param currentPeriodEnd when the current billing period ends
 * @param cancelAtPeriodEnd whether it cancels at the end of the period
 * @param cancelAt when it cancels, if scheduled
 * @param stripeSubscriptionId the Stripe subscription, {@code null} for the Free plan
 * @param createdAt when it was created
 */
public record SubscriptionView(UUID id, String plan, String status, String interval, Long unitAmount, String currency,
		Instant trialEnd, Instant currentPeriodEnd, boolean cancelAtPeriodEnd, Instant cancelAt,
		String stripeSubscriptionId, Instant createdAt) {

	/**
	 * Stripe statuses of a subscription that still exists for billing: a customer with
	 * one changes plan through it, never by buying a second.
	 */
	static final Set<String> LIVE = Set.of("active", "trialing", "past_due", "unpaid", "paused");

	static final String COLUMNS = """
			id, plan, status, billing_interval, unit_amount, currency, trial_end, current_period_end,
			cancel_at_period_end, cancel_at, stripe_subscription_id, created_at
			""";

	public boolean paid() {
		return this.stripeSubscriptionId != null;
	}

	public boolean live() {
		return LIVE.contains(this.status);
	}

	/**
	 * Whether it entitles an instance to run by its status alone.
	 * @return whether active or trialing
	 */
	public boolean activeOrTrialing() {
		return "active".equals(this.status) || "trialing".equals(this.status);
	}

	/**
	 * Whole days of trial left, rounded up.
	 * @param now the current time
	 * @return the days left, or {@code null} when not trialing
	 */
	public Long trialDaysLeft(Instant now) {
		if (!"trialing".equals(this.status) || this.trialEnd == null) {
			return null;
		}
		long seconds = Math.max(0, Duration.between(now, this.trialEnd).toSeconds());
		return (seconds + 86_399) / 86_400;
	}

	/**
	 * When the subscription ends because it was cancelled.
	 * @return the end, or {@code null} when it renews
	 */
	public Instant cancelsOn() {
		if (this.cancelAt != null) {
			return this.cancelAt;
		}
		return this.cancelAtPeriodEnd ? this.currentPeriodEnd : null;
	}

	/**
	 * When the subscription next renews.
	 * @return the renewal, or {@code null} when it will not renew
	 */
	public Instant renewsOn() {
		return (paid() && activeOrTrialing() && cancelsOn() == null) ? this.currentPeriodEnd : null;
	}

	static SubscriptionView read(ResultSet rs, int row) throws SQLException {
		long amount = rs.getLong("unit_amount");
		return new SubscriptionView(rs.getObject("id", UUID.class), rs.getString("plan"), rs.getString("status"),
				rs.getString("billing_interval"), rs.wasNull() ? null : amount, rs.getString("currency"),
				Timestamps.read(rs, "trial_end"), Timestamps.read(rs, "current_period_end"),
				rs.getBoolean("cancel_at_period_end"), Timestamps.read(rs, "cancel_at"),
				rs.getString("stripe_subscription_id"), Timestamps.read(rs, "created_at"));
	}

}
