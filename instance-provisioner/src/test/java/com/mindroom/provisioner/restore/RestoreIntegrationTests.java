package com.mindroom.provisioner.restore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mindroom.common.backup.RestoreRequests;
import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestData;
import com.mindroom.common.test.TestDatabase;
import com.mindroom.provisioner.Provisioning;
import com.mindroom.provisioner.backup.AgentJob;
import com.mindroom.provisioner.backup.AgentJobs;
import com.mindroom.provisioner.backup.BackupRuns;
import com.mindroom.provisioner.backup.S3StandIn;
import com.mindroom.provisioner.backup.TakenBackups;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Restores through the lifecycle (suspend, restore the data, resume) with progress in the
 * instance's history, and restore drills into scratch namespaces that verify each
 * backup's checksum, on the simulated cluster with an S3-compatible endpoint at the wire.
 */
@FreshDatabase
@SpringBootTest(properties = "mindroom.backups.drill.sample=50")
class RestoreIntegrationTests {

	@RegisterExtension
	static final S3StandIn s3 = S3StandIn.start();

	@DynamicPropertySource
	static void bucket(DynamicPropertyRegistry registry) {
		s3.configure(registry);
	}

	@Autowired
	private TestDatabase database;

	@Autowired
	private BackupRuns runs;

	@Autowired
	private RestoreRequests requests;

	@Autowired
	private RestoreRunner runner;

	@Autowired
	private RestoreDrill drill;

	@Autowired
	private KubernetesClient kubernetes;

	@Autowired
	private AgentJobs agentJobs;

	private Provisioning provisioning;

	private TakenBackups backups;

	private JdbcClient jdbc;

	@BeforeEach
	void seed() {
		this.provisioning = new Provisioning(new TestData(this.database.dataSource()));
		this.jdbc = this.provisioning.data().jdbc();
		this.backups = new TakenBackups(this.jdbc, this.runs);
	}

	@Test
	void anAgentJobThatCannotBeCreatedLeavesNoSecretBehind() {
		String namespace = "mindroom-orphan-secret";
		this.kubernetes.namespaces()
			.resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
			.create();
		this.kubernetes.batch()
			.v1()
			.jobs()
			.inNamespace(namespace)
			.resource(new JobBuilder().withNewMetadata()
				.withName("restore-taken")
				.endMetadata()
				.withNewSpec()
				.withNewTemplate()
				.withNewSpec()
				.addNewContainer()
				.withName("other")
				.withImage("busybox:1.36")
				.endContainer()
				.endSpec()
				.endTemplate()
				.endSpec()
				.build())
			.create();
		AgentJob job = new AgentJob(namespace, "restore-taken", true, UUID.randomUUID(), null, "backups/x.tar.gz.enc",
				"0".repeat(64), List.of(new AgentJob.Volume("mindroom-data", "mindroom-data")), "passphrase",
				Duration.ofHours(1));

		assertThatExceptionOfType(KubernetesClientException.class).isThrownBy(() -> this.agentJobs.launch(job));

		assertThat(this.kubernetes.secrets().inNamespace(namespace).withName("restore-taken").get()).isNull();
	}

	@Test
	void restoreSuspendsRestoresTheDataAndResumesWithProgress() {
		UUID instance = running("starter", "restore");
		String namespace = this.provisioning.namespace(instance);
		UUID backup = (UUID) this.backups.take(instance).get("id");
		UUID admin = this.provisioning.data().account("admin");

		UUID restore = this.requests.request(instance, backup, admin, "admin@example.com");
		List<String> observed = new ArrayList<>();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
			this.runner.advanceAll();
			observed.add(this.provisioning.observed(instance));
			return !"running".equals(restoreRow(restore).get("status"))
					&& !"pending".equals(restoreRow(restore).get("status"));
		});

		assertThat(restoreRow(restore)).containsEntry("status", "succeeded")
			.containsEntry("phase", "done")
			.containsEntry("checksum_verified", true)
			.containsEntry("namespace", namespace)
			.containsEntry("error", null);
		assertThat(observed).contains("suspended");
		Map<String, Object> row = this.provisioning.row(instance);
		assertThat(row).containsEntry("restore_id", null).containsEntry("desired_state", "running");
		this.provisioning.awaitObserved(instance, "running");
		assertThat(this.kubernetes.batch().v1().jobs().inNamespace(namespace).list().getItems()).isEmpty();
		assertThat(this.provisioning.events(instance)).containsSubsequence(
				"restore: Restore from the backup of " + when(backup) + " requested",
				"restore: Restore started: stopping MindRoom to replace its data",
				"observed: MindRoom is suspended; its data is kept",
				"restore: Restoring the data of the backup of " + when(backup),
				"restore: Data restored and verified; starting MindRoom again", "observed: Resuming MindRoom",
				"restore: Restore finished: MindRoom has the data of the backup of " + when(backup));
	}

	@Test
	void drillVerifiesEachNewestBackupAndRecordsAChecksumMismatchAsAFailure() {
		UUID sound = running("starter", "sound");
		UUID damaged = running("professional", "damaged");
		this.backups.take(sound);
		Map<String, Object> damagedBackup = this.backups.take(damaged);
		byte[] bytes = s3.object((String) damagedBackup.get("object_key")).clone();
		bytes[bytes.length / 2] ^= 0x01;
		s3.put((String) damagedBackup.get("object_key"), bytes);

		List<UUID> drills = this.drill.start();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
			this.runner.advanceAll();
			return drills.stream().map(this::restoreRow).allMatch((drill) -> "done".equals(drill.get("phase")));
		});

		Map<String, Object> soundDrill = drillOf(sound);
		assertThat(soundDrill).containsEntry("kind", "drill")
			.containsEntry("status", "succeeded")
			.containsEntry("checksum_verified", true)
			.containsEntry("actor", "restore-drill");
		Map<String, Object> damagedDrill = drillOf(damaged);
		assertThat(damagedDrill).containsEntry("status", "failed").containsEntry("checksum_verified", false);
		assertThat((String) damagedDrill.get("error"))
			.startsWith("Checksum mismatch: " + damagedBackup.get("object_key"));
		for (Map<String, Object> drill : List.of(soundDrill, damagedDrill)) {
			assertThat((String) drill.get("namespace")).startsWith("mindroom-drill-");
			assertThat(this.kubernetes.namespaces().withName((String) drill.get("namespace")).get()).isNull();
		}
		assertThat(this.provisioning.row(damaged)).containsEntry("observed_state", "running")
			.containsEntry("restore_id", null);
	}

	private UUID running(String plan, String slug) {
		UUID instance = this.provisioning.instance(plan, slug);
		this.provisioning.awaitObserved(instance, "running");
		return instance;
	}

	private Map<String, Object> restoreRow(UUID restore) {
		return this.jdbc.sql("select * from mindroom.restores where id = ?").param(restore).query().singleRow();
	}

	private Map<String, Object> drillOf(UUID instance) {
		return this.jdbc.sql("select * from mindroom.restores where instance_id = ? and kind = 'drill'")
			.param(instance)
			.query()
			.singleRow();
	}

	private String when(UUID backup) {
		return this.jdbc
			.sql("select to_char(finished_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC' "
					+ "from mindroom.backups where id = ?")
			.param(backup)
			.query(String.class)
			.single();
	}

}
