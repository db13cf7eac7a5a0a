package com.mindroom.admin.overview;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.mindroom.admin.overview.Metrics.Churn;
import com.mindroom.admin.overview.Metrics.DayCount;
import com.mindroom.admin.overview.Metrics.StripeInbox;
import com.mindroom.admin.overview.Metrics.TroubledInstance;
import com.mindroom.common.db.Timestamps;
import com.mindroom.common.lifecycle.ObservedState;
import com.mindroom.common.lifecycle.SubscriptionSnapshot;
import com.mindroom.common.lifecycle.SubscriptionStatus;
import com.mindroom.common.lifecycle.TenantLifecycle;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Computes the overview's figures from the database. Whether a subscription counts toward
 * MRR is the lifecycle's own entitlement rule ({@link TenantLifecycle#isEntitled}), so
 * the dashboard never disagrees with what actually runs.
 */
public class BusinessMetrics {

	static final Duration WINDOW = Duration.ofDays(30);

	private static final String SUBSCRIPTION_COLUMNS = """
			status, plan, billing_interval, unit_amount, currency, quantity, trial_end, current_period_end,
			cancel_at_period_end, cancel_at, past_due_since, ended_at, canceled_at
			""";

	private final JdbcClient jdbc;

	private final TenantLifecycle lifecycle;

	private final Clock clock;

	public BusinessMetrics(JdbcClient jdbc, TenantLifecycle lifecycle, Clock clock) {
		this.jdbc = jdbc;
		this.lifecycle = lifecycle;
		this.clock = clock;
	}

	public Metrics compute() {
		Instant now = this.clock.instant();
		Revenue revenue = new Revenue();
		this.jdbc
			.sql("select " + SUBSCRIPTION_COLUMNS
					+ " from subscriptions where status in ('active', 'trialing', 'past_due')")
			.query(Subscription::read)
			.list()
			.forEach((subscription) -> revenue.add(subscription,
					this.lifecycle.isEntitled(subscription.snapshot(), now)));
		long pastDue = count("select count(*) from subscriptions where status = 'past_due'");
		return new Metrics(now, revenue.mrr.totals(), revenue.trialMrr.totals(), revenue.activeByPlan, revenue.trials,
				pastDue, churn(now, revenue.paying), signUps(now), instancesByState(), troubled(), stripe());
	}

	private Churn churn(Instant now, long paying) {
		Amounts lost = new Amounts();
		List<Subscription> canceled = this.jdbc
			.sql("select " + SUBSCRIPTION_COLUMNS + " from subscriptions where status = 'canceled' "
					+ "and coalesce(ended_at, canceled_at) > ? and coalesce(ended_at, canceled_at) <= ?")
			.params(Timestamps.toDb(now.minus(WINDOW)), Timestamps.toDb(now))
			.query(Subscription::read)
			.list();
		canceled.forEach(lost::add);
		double rate = canceled.isEmpty() ? 0 : 100.0 * canceled.size() / (paying + canceled.size());
		return new Churn(canceled.size(), lost.totals(), rate);
	}

	private List<DayCount> signUps(Instant now) {
		LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
		LocalDate first = today.minusDays(WINDOW.toDays() - 1);
		Map<LocalDate, Long> counts = new TreeMap<>();
		for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
			counts.put(day, 0L);
		}
		this.jdbc.sql("""
				select (created_at at time zone 'UTC')::date as day, count(*) as n from accounts
				where created_at >= ? and created_at < ? group by 1
				""")
			.params(Timestamps.toDb(first.atStartOfDay(ZoneOffset.UTC).toInstant()),
					Timestamps.toDb(today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
			.query((rs, row) -> Map.entry(rs.getObject("day", LocalDate.class), rs.getLong("n")))
			.list()
			.forEach((entry) -> counts.put(entry.getKey(), entry.getValue()));
		return counts.entrySet().stream().map((entry) -> new DayCount(entry.getKey(), entry.getValue())).toList();
	}

	private Map<String, Long> instancesByState() {
		Map<String, Long> byState = new LinkedHashMap<>();
		for (ObservedState state : ObservedState.values()) {
			byState.put(state.dbValue(), 0L);
		}
		this.jdbc.sql("select observed_state, count(*) as n from instances group by observed_state")
			.query((rs, row) -> Map.entry(rs.getString("observed_state"), rs.getLong("n")))
			.list()
			.forEach((entry) -> byState.put(entry.getKey(), entry.getValue()));
		return byState;
	}

	private List<TroubledInstance> troubled() {
		return this.jdbc.sql("""
				select id, slug, observed_state, coalesce(last_error, health_reason, '') as reason,
				    coalesce(observed_at, updated_at) as since
				from instances where observed_state in ('error', 'degraded')
				order by coalesce(observed_at, updated_at) desc limit 20
				""")
			.query((rs, row) -> new TroubledInstance(rs.getObject("id", UUID.class).toString(), rs.getString("slug"),
					rs.getString("observed_state"), rs.getString("reason"),
					rs.getObject("since", OffsetDateTime.class)))
			.list();
	}

	private StripeInbox stripe() {
		return this.jdbc.sql("""
				select count(*) filter (where status = 'received') as backlog,
				    count(*) filter (where status = 'failed') as failed,
				    min(received_at) filter (where status = 'received') as oldest
				from stripe_events
				""")
			.query((rs, row) -> new StripeInbox(rs.getLong("backlog"), rs.getLong("failed"),
					rs.getObject("oldest", OffsetDateTime.class)))
			.single();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	/**
	 * Adds up MRR, trials and subscriptions per plan.
	 */
	private static final class Revenue {

		private final Amounts mrr = new Amounts();

		private final Amounts trialMrr = new Amounts();

		private final Map<String, Long> activeByPlan = new TreeMap<>();

		private long trials;

		private long paying;

		void add(Subscription subscription, boolean entitled) {
			if (!entitled) {
				return;
			}
			if (subscription.snapshot().status() == SubscriptionStatus.TRIALING) {
				this.trials++;
				this.trialMrr.add(subscription);
				return;
			}
			this.paying++;
			this.mrr.add(subscription);
			this.activeByPlan.merge(subscription.plan(), 1L, Long::sum);
		}

	}

	/**
	 * Sums monthly amounts per currency exactly (in twelfths, so yearly prices divide
	 * without rounding until the end).
	 */
	private static final class Amounts {

		private final Map<String, Long> twelfths = new TreeMap<>();

		void add(Subscription subscription) {
			if (subscription.unitAmount() == null || subscription.currency() == null) {
				return;
			}
			long amount = subscription.unitAmount() * subscription.quantity();
			long perYear = "year".equals(subscription.interval()) ? amount : amount * 12;
			this.twelfths.merge(subscription.currency(), perYear, Long::sum);
		}

		Map<String, Long> totals() {
			Map<String, Long> totals = new LinkedHashMap<>();
			this.twelfths.forEach((currency, value) -> totals.put(currency, Math.round(value / 12.0)));
			return totals;
		}

	}

	private record Subscription(SubscriptionSnapshot snapshot, String plan, String interval, Long unitAmount,
			String currency, int quantity) {

		static Subscription read(ResultSet rs, int row) throws SQLException {
			SubscriptionSnapshot snapshot = new SubscriptionSnapshot(
					SubscriptionStatus.fromStripe(rs.getString("status")), Timestamps.read(rs, "trial_end"),
					Timestamps.read(rs, "current_period_end"), rs.getBoolean("cancel_at_period_end"),
					Timestamps.read(rs, "cancel_at"), Timestamps.read(rs, "past_due_since"),
					Timestamps.read(rs, "ended_at"), Timestamps.read(rs, "canceled_at"));
			long amount = rs.getLong("unit_amount");
			return new Subscription(snapshot, rs.getString("plan"), rs.getString("billing_interval"),
					rs.wasNull() ? null : amount, rs.getString("currency"), rs.getInt("quantity"));
		}

	}

}
