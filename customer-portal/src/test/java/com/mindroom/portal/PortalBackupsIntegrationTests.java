package com.mindroom.portal;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backups page over real HTTP: a customer sees their instance's backups, and on a
 * paid plan restores one after typing the instance's name, which only writes a restore
 * request (under row-level security) for the provisioner; the Free plan, a wrong name and
 * another account's backup are refused and change nothing.
 */
@FreshDatabase
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PortalBackupsIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestDatabase database;

	private Seeds seeds() {
		return new Seeds(this.database);
	}

	@Test
	void aPaidPlanRestoresAChosenBackupOnceTheInstancesNameIsTyped() {
		Seeds.Account owner = seeds().account("keeper");
		UUID instance = instance(owner, "starter", "keeper");
		UUID backup = backup(instance, "succeeded", 3_400_000L);
		UUID failed = backup(instance, "failed", null);
		PortalClient client = PortalTestSupport.signedIn(this.port, owner);

		String page = client.get("/app/backups").body();
		assertThat(page).contains("id=\"backup-" + backup + "\"", "id=\"backup-" + failed + "\"", "3.4 MB",
				"id=\"restore-form\"");
		assertThat(page.substring(page.indexOf("<select"), page.indexOf("</select>"))).contains(backup.toString())
			.doesNotContain(failed.toString());

		client.post("/app/backups/restore", Map.of("backup", backup.toString(), "confirm", "keeper"));
		assertThat(client.get("/app/backups").body()).contains("to confirm the restore.");
		assertThat(restores(instance)).isZero();

		String slug = slug(instance);
		assertThat(client.post("/app/backups/restore", Map.of("backup", backup.toString(), "confirm", slug)).location())
			.isEqualTo("/app/backups");
		assertThat(client.get("/app/backups").body()).contains("Restoring your backup: MindRoom stops");
		assertThat(seeds().count("""
				select count(*) from mindroom.restores where instance_id = ? and backup_id = ? and kind = 'restore'
				  and status = 'pending' and requested_by = ?
				""", instance, backup, owner.id())).isOne();
		assertThat(seeds().count("select count(*) from mindroom.audit_log where action = 'instance.restore' "
				+ "and account_id = ? and outcome = 'success'", owner.id()))
			.isOne();
		assertThat(seeds().count("select count(*) from mindroom.audit_log where action = 'instance.restore' "
				+ "and account_id = ? and outcome = 'denied'", owner.id()))
			.isOne();
		assertThat(client.get("/app").body()).contains("Restore from the backup of");
	}

	@Test
	void theFreePlanSeesItsBackupsButCannotRestore() {
		Seeds.Account owner = seeds().account("thrifty");
		UUID instance = instance(owner, "free", "thrifty");
		UUID backup = backup(instance, "succeeded", 1_000_000L);
		PortalClient client = PortalTestSupport.signedIn(this.port, owner);

		assertThat(client.get("/app/backups").body())
			.contains("id=\"backup-" + backup + "\"", "Restoring a backup comes with the paid plans")
			.doesNotContain("id=\"restore-form\"");
		client.post("/app/backups/restore", Map.of("backup", backup.toString(), "confirm", slug(instance)));

		assertThat(client.get("/app/backups").body()).contains("Restoring a backup comes with the paid plans.");
		assertThat(restores(instance)).isZero();
	}

	@Test
	void anotherAccountsBackupIsNeverRestoredNorShown() {
		Seeds.Account owner = seeds().account("careful");
		Seeds.Account other = seeds().account("stranger");
		UUID instance = instance(owner, "professional", "careful");
		UUID foreign = backup(instance(other, "professional", "stranger"), "succeeded", 2_000_000L);
		PortalClient client = PortalTestSupport.signedIn(this.port, owner);

		assertThat(client.get("/app/backups").body()).doesNotContain(foreign.toString());
		client.post("/app/backups/restore", Map.of("backup", foreign.toString(), "confirm", slug(instance)));

		assertThat(client.get("/app/backups").body()).contains("No such backup of this instance");
		assertThat(seeds().count("select count(*) from mindroom.restores where backup_id = ?", foreign)).isZero();
	}

	private UUID instance(Seeds.Account account, String plan, String name) {
		return seeds().data().instance(account.id(), seeds().data().subscription(account.id(), "active", plan), name);
	}

	private String slug(UUID instance) {
		return seeds().jdbc()
			.sql("select slug from mindroom.instances where id = ?")
			.param(instance)
			.query(String.class)
			.single();
	}

	private UUID backup(UUID instance, String status, Long size) {
		UUID id = UUID.randomUUID();
		seeds().jdbc().sql("""
				insert into mindroom.backups (id, instance_id, account_id, kind, status, started_at, deadline_at,
				    finished_at, object_key, size_bytes, checksum_sha256, expires_at)
				select ?, id, account_id, 'scheduled', ?, now() - interval '2 hours', now(), now() - interval '1 hour',
				    'backups/' || id || '/' || ?, ?, 'abc', now() + interval '7 days'
				from mindroom.instances where id = ?
				""").params(id, status, id, size, instance).update();
		return id;
	}

	private int restores(UUID instance) {
		return seeds().count("select count(*) from mindroom.restores where instance_id = ?", instance);
	}

}
