package com.mindroom.common.backup;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mindroom.common.db.TenantTransactions;
import com.mindroom.common.instance.InstanceActionRefusedException;
import com.mindroom.common.instance.InstanceActionRefusedException.Reason;
import com.mindroom.common.lifecycle.DesiredStateSync;
import com.mindroom.common.lifecycle.LifecyclePolicy;
import com.mindroom.common.lifecycle.TenantLifecycle;
import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestData;
import com.mindroom.common.test.TestDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Asking for a restore: a pending restore the provisioner picks up, at most one per
 * instance, only from the instance's own successful backups; the portal's role cannot
 * forge one; and a restore's hold suspends the instance through the lifecycle.
 */
@FreshDatabase
class RestoreRequestsIntegrationTests {

	private TestData data;

	private JdbcClient jdbc;

	private RestoreRequests restores;

	private HikariDataSource portal;

	private UUID account;

	private UUID instance;

	private UUID backup;

	@BeforeEach
	void seed(TestDatabase database) {
		this.data = new TestData(database.dataSource());
		this.jdbc = this.data.jdbc();
		this.restores = new RestoreRequests(this.jdbc);
		this.portal = database.dataSourceAs("mindroom_portal");
		this.account = this.data.account("restorer");
		this.instance = this.data.instance(this.account, this.data.subscription(this.account, "active", "starter"),
				"restorer");
		this.backup = backup(this.instance, "succeeded");
	}

	@AfterEach
	void close() {
		this.portal.close();
	}

	@Test
	void queuesOneRestoreAndSaysSoInTheHistory() {
		UUID restore = this.restores.request(this.instance, this.backup, this.account, "customer:a@example.com");

		assertThat(this.jdbc.sql("select status || '/' || phase || '/' || kind from mindroom.restores where id = ?")
			.param(restore)
			.query(String.class)
			.single()).isEqualTo("pending/queued/restore");
		assertThat(
				this.jdbc.sql("select message from mindroom.instance_events where instance_id = ? and kind = 'restore'")
					.param(this.instance)
					.query(String.class)
					.single())
			.isEqualTo("Restore from the backup of 2026-03-09 02:10 UTC requested");
		assertThatThrownBy(() -> this.restores.request(this.instance, this.backup, this.account, "again"))
			.isInstanceOfSatisfying(InstanceActionRefusedException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(Reason.WRONG_STATE));
	}

	@Test
	void refusesBackupsOfOtherInstancesFailedOrExpiredOnes() {
		UUID other = this.data.instance(this.account, this.data.subscription(this.account, "active", "starter"),
				"other");
		UUID failed = backup(this.instance, "failed");
		UUID expired = backup(this.instance, "succeeded");
		this.jdbc.sql("update mindroom.backups set status = 'expired', expired_at = now() where id = ?")
			.param(expired)
			.update();

		for (UUID backupId : new UUID[] { backup(other, "succeeded"), failed, expired, UUID.randomUUID() }) {
			assertThatThrownBy(() -> this.restores.request(this.instance, backupId, this.account, "test"))
				.isInstanceOfSatisfying(InstanceActionRefusedException.class,
						(ex) -> assertThat(ex.reason()).isEqualTo(Reason.NOT_FOUND));
		}
		assertThat(count("select count(*) from mindroom.restores")).isZero();
	}

	@Test
	void theRestoreHoldSuspendsTheInstanceUntilItIsLifted() {
		UUID restore = this.restores.request(this.instance, this.backup, this.account, "admin:ops@example.com");
		DesiredStateSync sync = new DesiredStateSync(this.jdbc, new TenantLifecycle(LifecyclePolicy.defaults()),
				Clock.fixed(Instant.parse("2026-03-10T10:00:00Z"), ZoneOffset.UTC));

		this.jdbc.sql("update mindroom.instances set restore_id = ? where id = ?")
			.params(restore, this.instance)
			.update();
		sync.syncInstance(this.instance, "instance-provisioner");
		assertThat(desired()).isEqualTo("suspended: Restoring data from a backup");

		this.jdbc.sql("update mindroom.instances set restore_id = null where id = ?").param(this.instance).update();
		sync.syncInstance(this.instance, "instance-provisioner");
		assertThat(desired()).startsWith("running: ");
	}

	@Test
	void theCustomersRoleMayOnlyAskNeverForgeAnOutcome() {
		JdbcClient asPortal = JdbcClient.create(this.portal);
		TenantTransactions transactions = new TenantTransactions(asPortal,
				new DataSourceTransactionManager(this.portal));

		UUID restore = transactions.asAccount(this.account,
				() -> new RestoreRequests(asPortal).request(this.instance, this.backup, this.account, "customer"));
		assertThat(restore).isNotNull();
		assertThatThrownBy(() -> transactions.asAccount(this.account, () -> asPortal.sql("""
				insert into restores (instance_id, account_id, backup_id, kind, status)
				values (?, ?, ?, 'drill', 'succeeded')
				""").params(this.instance, this.account, this.backup).update()))
			.hasRootCauseInstanceOf(SQLException.class)
			.rootCause()
			.hasMessageContaining("row-level security");
	}

	private String desired() {
		return this.jdbc.sql("select desired_state || ': ' || desired_reason from mindroom.instances where id = ?")
			.param(this.instance)
			.query(String.class)
			.single();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private UUID backup(UUID instanceId, String status) {
		return this.jdbc.sql("""
				insert into mindroom.backups (instance_id, account_id, status, started_at, deadline_at, finished_at,
				    object_key, size_bytes, checksum_sha256)
				select id, account_id, ?, timestamptz '2026-03-09 02:00Z', timestamptz '2026-03-09 04:00Z',
				    timestamptz '2026-03-09 02:10Z', 'backups/' || id || '/x.tar.gz.enc', 1024, repeat('a', 64)
				from mindroom.instances where id = ?
				returning id
				""").params(status, instanceId).query(UUID.class).single();
	}

}
