package com.mindroom.admin.backup;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.mindroom.admin.support.AdminClient;
import com.mindroom.admin.support.AdminIntegrationTest;
import com.mindroom.admin.support.TestAdmins;
import com.mindroom.admin.support.TestAdmins.User;
import com.mindroom.common.job.BackupJobs;
import com.mindroom.common.test.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.mindroom.admin.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "Backups" section of an instance's page: each backup's outcome (status, size, time,
 * the reason of a failure), "Back up now", which only queues a manual backup job for the
 * provisioner, and the restore action, which only writes a restore request for the
 * provisioner, after the admin typed the instance's name; both are audited.
 */
@AdminIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstanceBackupsIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestDatabase database;

	private TestAdmins admins;

	private JdbcClient jdbc;

	private User admin;

	private AdminClient client;

	@BeforeAll
	void signIn() {
		this.admins = new TestAdmins(this.database.dataSource());
		this.jdbc = this.admins.jdbc();
		this.admin = this.admins.admin("backup-operator");
		this.client = new AdminClient(this.port).signIn(this.admins, this.admin);
	}

	@Test
	void showsEachBackupsOutcome() {
		UUID instance = instance("listed");
		UUID succeeded = backup(instance, "succeeded", 12_345_678L, null, "2 hours");
		UUID failed = backup(instance, "failed", null, "Could not upload backups/x: AccessDenied", "1 hour");

		String page = this.client.get("/admin/instances/" + instance).body();

		assertThat(page).contains(">Backups</h2>", "id=\"backup-now\">Back up now</button>",
				"id=\"backup-" + succeeded + "\"", "id=\"backup-" + failed + "\"", "12.3 MB",
				"Could not upload backups/x: AccessDenied", "id=\"restore-form\"");
		assertThat(page.indexOf("id=\"backup-" + failed + "\"")).isLessThan(page.indexOf("id=\"backup-" + succeeded));
		assertThat(page.substring(page.indexOf("<select name=\"backup\""), page.indexOf("</select>")))
			.contains("value=\"" + succeeded + "\"")
			.doesNotContain(failed.toString());
	}

	@Test
	void offersNoRestoreWithoutASuccessfulBackup() {
		UUID instance = instance("nothing");
		backup(instance, "failed", null, "it did not finish within its 2 h window", "1 hour");

		String page = this.client.get("/admin/instances/" + instance).body();

		assertThat(page).contains("it did not finish within its 2 h window").doesNotContain("id=\"restore-form\"");
	}

	@Test
	void restoreNeedsTheInstancesNameAndThenAsksTheProvisionerThroughARestoreRequest() {
		UUID instance = instance("restored");
		String slug = this.jdbc.sql("select slug from mindroom.instances where id = ?")
			.param(instance)
			.query(String.class)
			.single();
		UUID backup = backup(instance, "succeeded", 2_000_000L, null, "3 hours");

		this.client.post("/admin/instances/" + instance + "/restore",
				Map.of("backup", backup.toString(), "confirm", "not-the-name"));
		assertThat(this.client.get("/admin/instances/" + instance).body()).contains("to confirm the restore.");
		assertThat(restores(instance)).isZero();
		assertThat(audited(instance, "denied")).isEqualTo(1);

		AdminClient.Response accepted = this.client.post("/admin/instances/" + instance + "/restore",
				Map.of("backup", backup.toString(), "confirm", slug));
		assertThat(accepted.location()).endsWith("/admin/instances/" + instance);
		String page = this.client.get("/admin/instances/" + instance).body();
		assertThat(page).contains("Restore requested: MindRoom stops", "Restore of the backup of", ": pending");
		assertThat(this.jdbc.sql("""
				select count(*) from mindroom.restores where instance_id = ? and backup_id = ? and kind = 'restore'
				  and status = 'pending' and phase = 'queued' and requested_by = ?
				""").params(instance, backup, this.admin.id()).query(Long.class).single()).isEqualTo(1);
		assertThat(audited(instance, "success")).isEqualTo(1);
		assertThat(this.jdbc
			.sql("select count(*) from mindroom.instance_events where instance_id = ? and kind = 'restore'")
			.param(instance)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select desired_state from mindroom.instances where id = ?")
			.param(instance)
			.query(String.class)
			.single()).as("the provisioner, not the dashboard, suspends it").isEqualTo("running");

		this.client.post("/admin/instances/" + instance + "/restore",
				Map.of("backup", backup.toString(), "confirm", slug));
		assertThat(this.client.get("/admin/instances/" + instance).body())
			.contains("A restore of this instance is already under way");
		assertThat(restores(instance)).isEqualTo(1);
	}

	@Test
	void aBackupOfAnotherInstanceCannotBeRestored() {
		UUID instance = instance("victim");
		UUID other = instance("other");
		UUID foreign = backup(other, "succeeded", 1_000L, null, "1 hour");
		String slug = this.jdbc.sql("select slug from mindroom.instances where id = ?")
			.param(instance)
			.query(String.class)
			.single();

		this.client.post("/admin/instances/" + instance + "/restore",
				Map.of("backup", foreign.toString(), "confirm", slug));

		assertThat(this.client.get("/admin/instances/" + instance).body())
			.contains("No such backup of this instance (it may have expired)");
		assertThat(restores(instance)).isZero();
	}

	@Test
	void backUpNowQueuesOneManualBackupJobForTheProvisionerAndARepeatJoinsIt() {
		UUID instance = provisioned("backed-up");

		AdminClient.Response accepted = this.client.post("/admin/instances/" + instance + "/backup", Map.of());
		assertThat(accepted.location()).endsWith("/admin/instances/" + instance);
		assertThat(this.client.get("/admin/instances/" + instance).body()).contains("Backup requested:");
		AdminClient.Response repeated = this.client.postJson("/api/admin/instances/" + instance + "/backup", "{}");

		assertThat(repeated.status()).isEqualTo(202);
		List<Map<String, Object>> jobs = this.jdbc.sql("""
				select id, kind, payload ->> 'instance' as instance, requested_by, dedupe_key, status
				from mindroom.jobs where payload ->> 'instance' = ?
				""").param(instance.toString()).query().listOfRows();
		assertThat(jobs).hasSize(1);
		assertThat(jobs.get(0)).containsEntry("kind", BackupJobs.MANUAL)
			.containsEntry("instance", instance.toString())
			.containsEntry("requested_by", this.admin.id())
			.containsEntry("dedupe_key", "backup.manual:" + instance)
			.containsEntry("status", "queued");
		assertThat(repeated.body()).isEqualTo("{\"job\":\"" + jobs.get(0).get("id") + "\"}");
		assertThat(audited("instance.backup", instance, "success")).isEqualTo(2);
	}

	@Test
	void backUpNowIsRefusedForAnUnknownOrDeletedInstanceAndQueuesNothing() {
		UUID unknown = UUID.randomUUID();
		assertProblem(this.client.postJson("/api/admin/instances/" + unknown + "/backup", "{}"), 404, "not-found");
		assertThat(manualJobs(unknown)).isZero();

		UUID deleted = provisioned("deleted");
		this.jdbc
			.sql("update mindroom.instances set desired_state = 'deleted', observed_state = 'deleted' where id = ?")
			.param(deleted)
			.update();
		assertProblem(this.client.postJson("/api/admin/instances/" + deleted + "/backup", "{}"), 409, "conflict");
		this.client.post("/admin/instances/" + deleted + "/backup", Map.of());
		assertThat(this.client.get("/admin/instances/" + deleted).body())
			.contains("This instance has no data to back up (not provisioned, or deleted).");
		assertThat(manualJobs(deleted)).isZero();
		assertThat(audited("instance.backup", deleted, "denied")).isEqualTo(2);

		UUID pending = instance("unprovisioned");
		assertProblem(this.client.postJson("/api/admin/instances/" + pending + "/backup", "{}"), 409, "conflict");
		assertThat(manualJobs(pending)).isZero();
	}

	@Test
	void theJsonApiListsBackupsAndAcceptsAConfirmedRestore() {
		UUID instance = instance("api");
		String slug = this.jdbc.sql("select slug from mindroom.instances where id = ?")
			.param(instance)
			.query(String.class)
			.single();
		UUID backup = backup(instance, "succeeded", 5_000_000L, null, "2 hours");

		AdminClient.Response listed = this.client.get("/api/admin/instances/" + instance + "/backups");
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.body()).contains("\"id\":\"" + backup + "\"", "\"status\":\"succeeded\"",
				"\"sizeBytes\":5000000", "\"restores\":[]");
		assertProblem(this.client.postJson("/api/admin/instances/" + instance + "/restore",
				"{\"backup\":\"" + backup + "\",\"confirm\":\"wrong\"}"), 400, "bad-request");
		AdminClient.Response accepted = this.client.postJson("/api/admin/instances/" + instance + "/restore",
				"{\"backup\":\"" + backup + "\",\"confirm\":\"" + slug + "\"}");
		assertThat(accepted.status()).isEqualTo(202);
		assertThat(accepted.body()).contains("\"restore\":\"");
		assertProblem(this.client.postJson("/api/admin/instances/" + instance + "/restore",
				"{\"backup\":\"" + backup + "\",\"confirm\":\"" + slug + "\"}"), 409, "conflict");
		assertThat(restores(instance)).isEqualTo(1);
		assertThat(this.client.get("/api/admin/instances/" + UUID.randomUUID() + "/backups").status()).isEqualTo(404);
	}

	private UUID instance(String name) {
		UUID account = this.admins.data().account(name);
		UUID subscription = this.admins.data().subscription(account, "active", "starter");
		return this.admins.data().instance(account, subscription, name);
	}

	private UUID provisioned(String name) {
		UUID instance = instance(name);
		this.jdbc.sql("""
				update mindroom.instances set observed_state = 'running', namespace = 'mr-' || substr(id::text, 1, 8)
				where id = ?
				""").param(instance).update();
		return instance;
	}

	private long manualJobs(UUID instance) {
		return this.jdbc.sql("select count(*) from mindroom.jobs where kind = ? and payload ->> 'instance' = ?")
			.params(BackupJobs.MANUAL, instance.toString())
			.query(Long.class)
			.single();
	}

	private UUID backup(UUID instance, String status, Long size, String error, String age) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into mindroom.backups (id, instance_id, account_id, kind, status, started_at, deadline_at,
				    finished_at, object_key, size_bytes, checksum_sha256, error, expires_at)
				select ?, id, account_id, 'scheduled', ?, now() - cast(? as interval), now(),
				    now() - cast(? as interval) + interval '5 minutes', 'backups/' || id || '/' || ?, ?,
				    case when ? = 'succeeded' then 'abc' end, ?, now() + interval '7 days'
				from mindroom.instances where id = ?
				""").params(id, status, age, age, id, size, status, error, instance).update();
		return id;
	}

	private long restores(UUID instance) {
		return this.jdbc.sql("select count(*) from mindroom.restores where instance_id = ?")
			.param(instance)
			.query(Long.class)
			.single();
	}

	private long audited(UUID instance, String outcome) {
		return audited("instance.restore", instance, outcome);
	}

	private long audited(String action, UUID instance, String outcome) {
		return this.jdbc.sql("""
				select count(*) from mindroom.audit_log where action = ? and target_id = ?
				  and actor_id = ? and outcome = ?
				""").params(action, instance.toString(), this.admin.id(), outcome).query(Long.class).single();
	}

}
