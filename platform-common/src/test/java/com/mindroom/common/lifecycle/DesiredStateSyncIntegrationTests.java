package com.mindroom.common.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestData;
import com.mindroom.common.test.TestDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DesiredStateSync} against the real schema: decisions reach the instance row, the
 * generation and the event history, and time-based transitions are found by their review
 * time.
 */
@FreshDatabase
class DesiredStateSyncIntegrationTests {

	private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

	private TestData data;

	private JdbcClient jdbc;

	private UUID account;

	private UUID subscription;

	private UUID instance;

	@BeforeEach
	void setUp(TestDatabase database) {
		this.data = new TestData(database.dataSource());
		this.jdbc = this.data.jdbc();
		this.account = this.data.account("sync");
		this.subscription = this.data.subscription(this.account, "active", "starter");
		this.instance = this.data.instance(this.account, this.subscription, "sync-team");
	}

	@Test
	void pastDueBeyondGraceSuspendsAndRecordsTheChange() {
		this.jdbc.sql("update mindroom.subscriptions set status = 'past_due', past_due_since = ? where id = ?")
			.params(TestData.utc(NOW.minus(Duration.ofDays(8))), this.subscription)
			.update();
		List<DesiredStateSync.Change> changes = sync(NOW).syncSubscription(this.subscription, "test");
		assertThat(changes).singleElement()
			.satisfies((change) -> assertThat(change.decision().desired()).isEqualTo(DesiredState.SUSPENDED));
		assertThat(column("desired_state")).isEqualTo("suspended");
		assertThat(column("generation")).isEqualTo("2");
		assertThat(this.jdbc
			.sql("select from_state || '>' || to_state || ' by ' || actor from mindroom.instance_events "
					+ "where instance_id = ? and kind = 'desired'")
			.param(this.instance)
			.query(String.class)
			.single()).isEqualTo("running>suspended by test");
	}

	@Test
	void unchangedDecisionChangesNothing() {
		sync(NOW).syncInstance(this.instance, "test");
		assertThat(sync(NOW).syncInstance(this.instance, "test")).isEmpty();
		assertThat(column("generation")).isEqualTo("1");
	}

	@Test
	void graceRunningOutIsPickedUpByTheDueSweep() {
		this.jdbc.sql("update mindroom.subscriptions set status = 'past_due', past_due_since = ? where id = ?")
			.params(TestData.utc(NOW.minus(Duration.ofDays(6))), this.subscription)
			.update();
		assertThat(sync(NOW).syncSubscription(this.subscription, "webhook")).isEmpty();
		assertThat(column("desired_review_at")).isNotNull();
		assertThat(sync(NOW).syncDue(100)).isEmpty();
		assertThat(sync(NOW.plus(Duration.ofDays(2))).syncDue(100)).singleElement()
			.satisfies((change) -> assertThat(change.decision().desired()).isEqualTo(DesiredState.SUSPENDED));
	}

	@Test
	void deletedInstanceIsNeverBroughtBack() {
		this.jdbc.sql("update mindroom.accounts set status = 'deleted', deleted_at = now() where id = ?")
			.param(this.account)
			.update();
		assertThat(sync(NOW).syncAccount(this.account, "test")).hasSize(1);
		this.jdbc.sql("update mindroom.accounts set status = 'active' where id = ?").param(this.account).update();
		assertThat(sync(NOW).syncAccount(this.account, "test")).isEmpty();
		assertThat(column("desired_state")).isEqualTo("deleted");
	}

	private String column(String name) {
		return this.jdbc.sql("select " + name + "::text from mindroom.instances where id = ?")
			.param(this.instance)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private DesiredStateSync sync(Instant now) {
		return new DesiredStateSync(this.jdbc, new TenantLifecycle(LifecyclePolicy.defaults()),
				Clock.fixed(now, ZoneOffset.UTC));
	}

}
