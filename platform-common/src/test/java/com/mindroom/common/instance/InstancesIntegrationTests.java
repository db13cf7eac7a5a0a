package com.mindroom.common.instance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mindroom.common.lifecycle.DesiredStateSync;
import com.mindroom.common.lifecycle.LifecyclePolicy;
import com.mindroom.common.lifecycle.TenantLifecycle;
import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestData;
import com.mindroom.common.test.TestDatabase;
import com.mindroom.common.test.TestPlans;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creating a subscription's instance: once, with a DNS-safe unique slug, and with the
 * lifecycle's decision.
 */
@FreshDatabase
class InstancesIntegrationTests {

	private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

	private TestData data;

	private JdbcClient jdbc;

	private Instances instances;

	@BeforeEach
	void setUp(TestDatabase database) {
		this.data = new TestData(database.dataSource());
		this.jdbc = this.data.jdbc();
		DesiredStateSync sync = new DesiredStateSync(this.jdbc, new TenantLifecycle(LifecyclePolicy.defaults()),
				Clock.fixed(NOW, ZoneOffset.UTC));
		this.instances = new Instances(this.jdbc, sync, new InstanceProperties("example.cloud", "https"),
				TestPlans.catalog());
	}

	@Test
	void createsOneInstancePerSubscriptionWithItsAddresses() {
		UUID account = this.data.account("acme");
		UUID subscription = this.data.subscription(account, "active", "professional");
		UUID instance = this.instances.ensureFor(subscription, "test");
		assertThat(this.instances.ensureFor(subscription, "test")).isEqualTo(instance);
		Map<String, Object> row = this.jdbc
			.sql("select slug, plan, namespace, url, matrix_url, desired_state from instances where id = ?")
			.param(instance)
			.query()
			.singleRow();
		String slug = (String) row.get("slug");
		assertThat(slug).matches("acme-[a-z0-9]{5}");
		assertThat(row).containsEntry("plan", "professional")
			.containsEntry("namespace", "mindroom-" + slug)
			.containsEntry("url", "https://" + slug + ".example.cloud")
			.containsEntry("matrix_url", "https://" + slug + "-matrix.example.cloud")
			.containsEntry("desired_state", "running");
		assertThat(this.jdbc.sql("select count(*) from instance_events where instance_id = ? and kind = 'desired'")
			.param(instance)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void anInstanceForASubscriptionPastItsGraceStartsSuspended() {
		UUID account = this.data.account("late");
		UUID subscription = this.data.subscription(account, "past_due", "starter");
		this.jdbc.sql("update subscriptions set past_due_since = ? where id = ?")
			.params(TestData.utc(NOW.minus(Duration.ofDays(10))), subscription)
			.update();
		UUID instance = this.instances.ensureFor(subscription, "test");
		assertThat(this.jdbc.sql("select desired_state from instances where id = ?")
			.param(instance)
			.query(String.class)
			.single()).isEqualTo("suspended");
	}

	@Test
	void anUpgradeFromFreeKeepsTheInstanceAndEndsTheFreeSubscription() {
		UUID account = this.data.account("upgrader");
		UUID free = this.data.subscription(account, "active", "free");
		this.jdbc.sql(
				"update subscriptions set stripe_subscription_id = null, unit_amount = null, currency = null where id = ?")
			.param(free)
			.update();
		UUID instance = this.instances.ensureFor(free, "portal");
		UUID paid = this.data.subscription(account, "active", "starter");
		assertThat(this.instances.ensureFor(paid, "webhook")).isEqualTo(instance);
		assertThat(this.jdbc.sql("select subscription_id::text || ':' || plan from instances where id = ?")
			.param(instance)
			.query(String.class)
			.single()).isEqualTo(paid + ":starter");
		assertThat(
				this.jdbc.sql("select status from subscriptions where id = ?").param(free).query(String.class).single())
			.isEqualTo("canceled");
		assertThat(this.jdbc.sql("select count(*) from instances where account_id = ?")
			.param(account)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void slugsAreDnsSafeWhateverTheName() {
		for (String name : new String[] { "Zoë & Partners GmbH", "123 Numbers", "—",
				"A very long company name indeed" }) {
			String slug = this.instances.slug(new Instances.Subscription(UUID.randomUUID(), "free", name, "x@y.z"));
			assertThat(slug).as(name).matches("^[a-z][a-z0-9-]{1,30}[a-z0-9]$").doesNotContain("--");
		}
	}

}
