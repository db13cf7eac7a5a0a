package com.mindroom.common.instance;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mindroom.common.instance.InstanceActionRefusedException.Reason;
import com.mindroom.common.lifecycle.DesiredState;
import com.mindroom.common.lifecycle.DesiredStateSync;
import com.mindroom.common.lifecycle.LifecyclePolicy;
import com.mindroom.common.lifecycle.TenantLifecycle;
import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestData;
import com.mindroom.common.test.TestDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Customer and admin actions change holds and requests, and the lifecycle decides the
 * rest.
 */
@FreshDatabase
class InstanceCommandsIntegrationTests {

	private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

	private TestData data;

	private JdbcClient jdbc;

	private InstanceCommands commands;

	private UUID subscription;

	private UUID instance;

	@BeforeEach
	void setUp(TestDatabase database) {
		this.data = new TestData(database.dataSource());
		this.jdbc = this.data.jdbc();
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		this.commands = new InstanceCommands(this.jdbc,
				new DesiredStateSync(this.jdbc, new TenantLifecycle(LifecyclePolicy.defaults()), clock), clock);
		UUID account = this.data.account("acting");
		this.subscription = this.data.subscription(account, "active", "starter");
		this.instance = this.data.instance(account, this.subscription, "acting");
	}

	@Test
	void customerStopsAndStartsTheirInstance() {
		assertThat(this.commands.stop(this.instance, "customer:a").desired()).isEqualTo(DesiredState.SUSPENDED);
		assertThat(desired()).isEqualTo("suspended");
		assertThat(this.commands.start(this.instance, "customer:a").desired()).isEqualTo(DesiredState.RUNNING);
		assertThat(desired()).isEqualTo("running");
		assertThat(count("select count(*) from instance_events where instance_id = ? and kind = 'action'"))
			.isEqualTo(2);
	}

	@Test
	void startAndRestartNeedAnEntitledSubscription() {
		this.jdbc.sql("update subscriptions set status = 'unpaid' where id = ?").param(this.subscription).update();
		assertThatExceptionOfType(InstanceActionRefusedException.class)
			.isThrownBy(() -> this.commands.start(this.instance, "customer:a"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.NOT_ENTITLED))
			.withMessageContaining("retries are exhausted");
		assertThatExceptionOfType(InstanceActionRefusedException.class)
			.isThrownBy(() -> this.commands.restart(this.instance, "customer:a"));
		assertThat(count("select count(*) from instance_events where instance_id = ?")).isZero();
	}

	@Test
	void restartIsARequestThatBumpsTheGeneration() {
		this.commands.restart(this.instance, "customer:a");
		assertThat(count("select generation from instances where id = ? and restart_requested_at is not null"))
			.isEqualTo(2);
		this.commands.stop(this.instance, "customer:a");
		assertThatExceptionOfType(InstanceActionRefusedException.class)
			.isThrownBy(() -> this.commands.restart(this.instance, "customer:a"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.WRONG_STATE));
	}

	@Test
	void adminSuspensionHoldsEvenWhenTheCustomerStarts() {
		this.commands.suspendByAdmin(this.instance, "admin:ops");
		assertThat(this.commands.start(this.instance, "customer:a").desired()).isEqualTo(DesiredState.SUSPENDED);
		assertThat(this.commands.resumeByAdmin(this.instance, "admin:ops").desired()).isEqualTo(DesiredState.RUNNING);
	}

	@Test
	void retryNowAppliesOnlyToFailedInstances() {
		assertThat(this.commands.retryNow(this.instance, "admin:ops")).isFalse();
		this.jdbc.sql(
				"update instances set observed_state = 'error', attempts = 7, next_attempt_at = now() + interval '1 hour' "
						+ "where id = ?")
			.param(this.instance)
			.update();
		assertThat(this.commands.retryNow(this.instance, "admin:ops")).isTrue();
		assertThat(count("select attempts from instances where id = ? and next_attempt_at <= now()")).isZero();
	}

	@Test
	void unknownInstanceIsNotFound() {
		assertThatExceptionOfType(InstanceActionRefusedException.class)
			.isThrownBy(() -> this.commands.stop(UUID.randomUUID(), "customer:a"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.NOT_FOUND));
	}

	private String desired() {
		return this.jdbc.sql("select desired_state from instances where id = ?")
			.param(this.instance)
			.query(String.class)
			.single();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).param(this.instance).query(Long.class).single();
	}

}
