package com.mindroom.admin.overview;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import com.mindroom.common.lifecycle.LifecyclePolicy;
import com.mindroom.common.lifecycle.TenantLifecycle;
import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestData;
import com.mindroom.common.test.TestDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * MRR, trials, past due and churn for a seeded mix of subscriptions (monthly, yearly,
 * quantity, trialing, past due within and beyond the grace period, canceled this month
 * and before, other currencies), read as the service role.
 */
@FreshDatabase
class BusinessMetricsIntegrationTests {

	private static final Instant NOW = Instant.now();

	@Test
	void computesMrrChurnAndTheRestForASeededMix(TestDatabase database) {
		TestData data = new TestData(database.dataSource());
		JdbcClient owner = data.jdbc();
		subscription(data, "active", "starter", "month", 2900L, "usd", 1, null, null, null);
		subscription(data, "active", "professional", "year", 99000L, "usd", 1, null, null, null);
		subscription(data, "active", "starter", "month", 2900L, "usd", 2, null, null, null);
		subscription(data, "trialing", "professional", "month", 9900L, "usd", 1, NOW.plus(Duration.ofDays(5)), null,
				null);
		subscription(data, "trialing", "starter", "month", 2900L, "usd", 1, NOW.minus(Duration.ofDays(1)), null, null);
		subscription(data, "past_due", "starter", "month", 2900L, "usd", 1, null, NOW.minus(Duration.ofDays(2)), null);
		subscription(data, "past_due", "starter", "month", 2900L, "usd", 1, null, NOW.minus(Duration.ofDays(10)), null);
		subscription(data, "canceled", "starter", "month", 2900L, "usd", 1, null, null, NOW.minus(Duration.ofDays(10)));
		subscription(data, "canceled", "starter", "month", 2900L, "usd", 1, null, null, NOW.minus(Duration.ofDays(40)));
		subscription(data, "active", "free", null, null, null, 1, null, null, null);
		subscription(data, "active", "starter", "month", 1000L, "eur", 1, null, null, null);
		UUID ended = subscription(data, "active", "starter", "month", 2900L, "usd", 1, null, null, null);
		owner.sql("update mindroom.subscriptions set cancel_at = ? where id = ?")
			.params(TestData.utc(NOW.minus(Duration.ofDays(1))), ended)
			.update();
		seedInstancesAndEvents(data);
		try (HikariDataSource service = database.dataSourceAs("mindroom_service")) {
			Metrics metrics = new BusinessMetrics(JdbcClient.create(service),
					new TenantLifecycle(LifecyclePolicy.defaults()), Clock.fixed(NOW, ZoneOffset.UTC))
				.compute();
			assertThat(metrics.mrr()).isEqualTo(Map.of("eur", 1000L, "usd", 2900L + 8250L + 5800L + 2900L + 2 * 2900L));
			assertThat(metrics.trialMrr()).isEqualTo(Map.of("usd", 9900L));
			assertThat(metrics.trials()).isEqualTo(1);
			assertThat(metrics.activeByPlan()).isEqualTo(Map.of("starter", 6L, "professional", 1L, "free", 1L));
			assertThat(metrics.pastDue()).isEqualTo(2);
			assertThat(metrics.churn().canceled()).isEqualTo(1);
			assertThat(metrics.churn().lostMrr()).isEqualTo(Map.of("usd", 2900L));
			assertThat(metrics.churn().rate()).isCloseTo(100.0 / 9, within(0.001));
			assertThat(metrics.signUps()).hasSize(30);
			assertThat(metrics.signUps().get(29).count()).isEqualTo(13);
			assertThat(metrics.instancesByState()).containsEntry("error", 1L)
				.containsEntry("degraded", 1L)
				.containsEntry("running", 0L);
			assertThat(metrics.troubled()).extracting(Metrics.TroubledInstance::reason)
				.containsExactlyInAnyOrder("ImagePullBackOff", "readiness probe failing");
			assertThat(metrics.stripe().backlog()).isEqualTo(2);
			assertThat(metrics.stripe().failed()).isEqualTo(1);
		}
	}

	private static UUID subscription(TestData data, String status, String plan, String interval, Long amount,
			String currency, int quantity, Instant trialEnd, Instant pastDueSince, Instant endedAt) {
		UUID account = data.account(plan + "-" + status);
		UUID id = UUID.randomUUID();
		data.jdbc()
			.sql("""
					insert into mindroom.subscriptions (id, account_id, status, plan, billing_interval, unit_amount, currency,
					    quantity, trial_end, past_due_since, ended_at, canceled_at, current_period_end)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					""")
			.params(id, account, status, plan, interval, amount, currency, quantity, utc(trialEnd), utc(pastDueSince),
					utc(endedAt), utc(endedAt), TestData.utc(NOW.plus(Duration.ofDays(20))))
			.update();
		return id;
	}

	private static void seedInstancesAndEvents(TestData data) {
		UUID account = data.account("ops");
		UUID first = data.instance(account, data.subscription(account, "active", "starter"), "broken");
		UUID second = data.instance(account, data.subscription(account, "active", "starter"), "flaky");
		data.jdbc()
			.sql("update mindroom.instances set observed_state = 'error', last_error = 'ImagePullBackOff' where id = ?")
			.param(first)
			.update();
		data.jdbc()
			.sql("update mindroom.instances set observed_state = 'degraded', health_reason = 'readiness probe failing' "
					+ "where id = ?")
			.param(second)
			.update();
		data.jdbc().sql("""
				insert into mindroom.stripe_events (id, type, stripe_created_at, payload, status) values
				('evt_a', 'invoice.paid', now(), '{}', 'received'), ('evt_b', 'invoice.paid', now(), '{}', 'received'),
				('evt_c', 'invoice.paid', now(), '{}', 'failed'), ('evt_d', 'invoice.paid', now(), '{}', 'processed')
				""").update();
	}

	private static java.time.OffsetDateTime utc(Instant instant) {
		return (instant != null) ? TestData.utc(instant) : null;
	}

}
