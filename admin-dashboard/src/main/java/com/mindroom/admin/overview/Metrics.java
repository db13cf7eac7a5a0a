package com.mindroom.admin.overview;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The business at one moment. Money is in minor units per currency; MRR counts only
 * subscriptions that entitle an instance to run now, yearly prices divided by twelve,
 * trials apart.
 *
 * @param at when this was computed (platform time)
 * @param mrr monthly recurring revenue of paying, entitled subscriptions
 * @param trialMrr what the entitled trials would bring in monthly once they pay
 * @param activeByPlan paying, entitled subscriptions per plan
 * @param trials entitled trialing subscriptions
 * @param pastDue subscriptions in {@code past_due}
 * @param churn cancellations in the last 30 days
 * @param signUps new accounts per day, the last 30 days, oldest first
 * @param instancesByState instances per observed state
 * @param troubled instances in {@code error} or {@code degraded}, with why
 * @param stripe the Stripe inbox
 */
public record Metrics(Instant at, Map<String, Long> mrr, Map<String, Long> trialMrr, Map<String, Long> activeByPlan,
		long trials, long pastDue, Churn churn, List<DayCount> signUps, Map<String, Long> instancesByState,
		List<TroubledInstance> troubled, StripeInbox stripe) {

	/**
	 * Cancellations in the last 30 days.
	 *
	 * @param canceled subscriptions that ended in the window
	 * @param lostMrr the MRR they had
	 * @param rate canceled ÷ (paying now + canceled), as a percentage
	 */
	public record Churn(long canceled, Map<String, Long> lostMrr, double rate) {

	}

	/**
	 * A count for one day.
	 *
	 * @param day the day (UTC)
	 * @param count how many
	 */
	public record DayCount(LocalDate day, long count) {

	}

	/**
	 * An instance that needs attention.
	 *
	 * @param id the instance
	 * @param slug its slug
	 * @param state its observed state
	 * @param reason the last error or health reason
	 * @param since when it was last observed
	 */
	public record TroubledInstance(String id, String slug, String state, String reason, OffsetDateTime since) {

	}

	/**
	 * The Stripe webhook inbox.
	 *
	 * @param backlog events received but not yet applied
	 * @param failed events that failed to apply
	 * @param oldestBacklog when the oldest unapplied event arrived, if any
	 */
	public record StripeInbox(long backlog, long failed, OffsetDateTime oldestBacklog) {

	}

}
