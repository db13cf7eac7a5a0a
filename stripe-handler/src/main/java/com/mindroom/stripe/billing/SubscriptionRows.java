package com.mindroom.stripe.billing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.mindroom.common.db.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads and writes {@code subscriptions} rows; callers hold the row lock while they
 * decide.
 */
@Component
class SubscriptionRows {

	private final JdbcClient jdbc;

	SubscriptionRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<SubscriptionRow> lock(String stripeId) {
		return this.jdbc
			.sql("select " + SubscriptionRow.COLUMNS
					+ " from subscriptions where stripe_subscription_id = ? for update")
			.param(stripeId)
			.query(SubscriptionRow::read)
			.optional();
	}

	List<SubscriptionRow> lockActiveOfCustomer(String customerId) {
		return this.jdbc
			.sql("select " + SubscriptionRow.COLUMNS + " from subscriptions where stripe_customer_id = ?"
					+ " and status not in ('canceled', 'incomplete_expired') order by id for update")
			.param(customerId)
			.query(SubscriptionRow::read)
			.list();
	}

	/**
	 * Inserts a row unless another transaction inserted the same Stripe subscription
	 * first.
	 * @param row the row
	 * @param eventId the event that carried the state, if any
	 * @return the new id, or empty when the subscription is already there
	 */
	Optional<UUID> insert(SubscriptionRow row, String eventId) {
		return this.jdbc
			.sql("insert into subscriptions (" + SubscriptionRow.COLUMNS.replaceFirst("id, ", "")
					+ ", stripe_state_event_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
					+ " on conflict (stripe_subscription_id) do nothing returning id")
			.params(values(row, eventId))
			.query(UUID.class)
			.optional();
	}

	void update(SubscriptionRow row, String eventId) {
		List<Object> values = new java.util.ArrayList<>(values(row, eventId));
		values.add(row.id());
		this.jdbc.sql("""
				update subscriptions set account_id = ?, stripe_subscription_id = ?, stripe_customer_id = ?, status = ?,
				    plan = ?, billing_interval = ?, stripe_price_id = ?, unit_amount = ?, currency = ?, quantity = ?,
				    trial_start = ?, trial_end = ?, current_period_start = ?, current_period_end = ?,
				    cancel_at_period_end = ?, cancel_at = ?, canceled_at = ?, ended_at = ?, past_due_since = ?,
				    stripe_state_at = ?, stripe_state_event_id = ?
				where id = ?
				""").params(values).update();
	}

	private static List<Object> values(SubscriptionRow row, String eventId) {
		return java.util.Arrays.asList(row.accountId(), row.stripeId(), row.customerId(), row.status(), row.plan(),
				row.interval(), row.priceId(), row.unitAmount(), row.currency(), row.quantity(),
				Timestamps.toDb(row.trialStart()), Timestamps.toDb(row.trialEnd()), Timestamps.toDb(row.periodStart()),
				Timestamps.toDb(row.periodEnd()), row.cancelAtPeriodEnd(), Timestamps.toDb(row.cancelAt()),
				Timestamps.toDb(row.canceledAt()), Timestamps.toDb(row.endedAt()), Timestamps.toDb(row.pastDueSince()),
				Timestamps.toDb(row.stateAt()), eventId);
	}

}
