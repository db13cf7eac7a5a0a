package com.mindroom.provisioner.backup;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.mindroom.common.job.BackupJobs;
import com.mindroom.common.job.JobQueue;
import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestData;
import com.mindroom.common.test.TestDatabase;
import com.mindroom.provisioner.Provisioning;
import com.mindroom.provisioner.secret.TenantSecrets;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Backups of instances on the simulated cluster (the agent Jobs run in process) to an
 * S3-compatible endpoint at the wire: outcomes recorded, one scheduled backup a day,
 * overruns counted as failures, retention per plan, and a key of each tenant's own.
 */
@FreshDatabase
@SpringBootTest(properties = { "mindroom.backups.start-at=00:00", "mindroom.backups.spread=1s",
		"mindroom.backups.retention.enterprise=60d",
		"mindroom.backups.job.pull-secret=" + BackupIntegrationTests.PULL_SECRET })
class BackupIntegrationTests {

	static final String PULL_SECRET = "mindroom/registry-credentials";

	private static final String DOCKER_CONFIG = Base64.getEncoder()
		.encodeToString("{\"auths\":{\"registry.example.com\":{}}}".getBytes(StandardCharsets.UTF_8));

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
	private BackupScheduler scheduler;

	@Autowired
	private BackupRetention retention;

	@Autowired
	private BackupProperties properties;

	@Autowired
	private TenantSecrets secrets;

	@Autowired
	private KubernetesClient kubernetes;

	@Autowired
	private JobQueue jobs;

	@TempDir
	private Path temp;

	private Provisioning provisioning;

	private TakenBackups backups;

	private JdbcClient jdbc;

	@BeforeEach
	void seed() {
		this.provisioning = new Provisioning(new TestData(this.database.dataSource()));
		this.jdbc = this.provisioning.data().jdbc();
		this.backups = new TakenBackups(this.jdbc, this.runs);
		this.kubernetes
			.resource(new SecretBuilder().withNewMetadata()
				.withNamespace("mindroom")
				.withName("registry-credentials")
				.endMetadata()
				.withType("kubernetes.io/dockerconfigjson")
				.addToData(".dockerconfigjson", DOCKER_CONFIG)
				.build())
			.createOr(NonDeletingOperation::update);
	}

	@Test
	void runsTheAgentBesideTheInstanceWithSecretsOfItsOwnThatGoWithIt() {
		UUID instance = running("starter", "agent");
		String namespace = this.provisioning.namespace(instance);
		String slug = (String) this.provisioning.row(instance).get("slug");

		UUID backup = this.runs.start(this.backups.target(instance), null, null);

		String name = (String) this.backups.row(backup).get("job_name");
		Job job = this.kubernetes.batch().v1().jobs().inNamespace(namespace).withName(name).get();
		PodSpec pod = job.getSpec().getTemplate().getSpec();
		Container agent = pod.getContainers().get(0);
		String passphrase = this.secrets.backupPassphrase(instance);
		assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(Duration.ofHours(2).toSeconds());
		assertThat(pod.getImagePullSecrets()).extracting(LocalObjectReference::getName)
			.containsExactly(name + "-registry");
		assertThat(pod.getAffinity().getPodAffinity().getRequiredDuringSchedulingIgnoredDuringExecution())
			.singleElement()
			.satisfies((term) -> assertThat(term.getLabelSelector().getMatchLabels())
				.containsEntry("app.kubernetes.io/instance", slug));
		assertThat(agent.getEnv()).noneMatch((variable) -> passphrase.equals(variable.getValue()));
		assertThat(agent.getVolumeMounts()).filteredOn((mount) -> mount.getMountPath().startsWith("/data/"))
			.hasSize(2)
			.allMatch(VolumeMount::getReadOnly);
		assertThat(agent.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
		assertThat(pod.getSecurityContext().getFsGroup()).as("no fsGroup: the volumes keep their groups").isNull();
		assertThat(pod.getSecurityContext().getSupplementalGroups()).containsExactly(991L);
		assertThat(this.kubernetes.secrets().inNamespace(namespace).withName(name).get().getData()).containsEntry(
				"passphrase", Base64.getEncoder().encodeToString(passphrase.getBytes(StandardCharsets.UTF_8)));
		assertThat(this.kubernetes.secrets().inNamespace(namespace).withName(name + "-registry").get().getData())
			.containsEntry(".dockerconfigjson", DOCKER_CONFIG);

		assertThat(this.backups.awaitEnded(backup)).containsEntry("status", "succeeded");
		assertThat(this.kubernetes.batch().v1().jobs().inNamespace(namespace).withName(name).get()).isNull();
		assertThat(this.kubernetes.secrets().inNamespace(namespace).withName(name).get()).isNull();
		assertThat(this.kubernetes.secrets().inNamespace(namespace).withName(name + "-registry").get()).isNull();
	}

	@Test
	void recordsASuccessfulScheduledBackupWithItsSizeChecksumAndRetention() throws Exception {
		UUID instance = running("free", "daily");

		// other instances of this database may be due too, and only so many run at once
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
			this.scheduler.run();
			return !backupsOf(instance).isEmpty();
		});
		this.scheduler.run();

		List<UUID> taken = backupsOf(instance);
		assertThat(taken).hasSize(1);
		Map<String, Object> backup = this.backups.awaitEnded(taken.get(0));
		String key = (String) backup.get("object_key");
		byte[] stored = s3.object(key);
		assertThat(backup).containsEntry("status", "succeeded")
			.containsEntry("kind", "scheduled")
			.containsEntry("scheduled_for", java.sql.Date.valueOf(LocalDate.now(ZoneOffset.UTC)))
			.containsEntry("size_bytes", (long) stored.length)
			.containsEntry("checksum_sha256", sha256(stored))
			.containsEntry("error", null);
		assertThat(key).startsWith("backups/" + instance + "/").endsWith(".tar.gz.enc");
		assertThat(s3.keys()).contains(BackupManifest.keyOf(key));
		Timestamp started = (Timestamp) backup.get("started_at");
		Timestamp finished = (Timestamp) backup.get("finished_at");
		assertThat(finished).isAfterOrEqualTo(started);
		assertThat(Duration.between(finished.toInstant(), ((Timestamp) backup.get("expires_at")).toInstant()))
			.isEqualTo(Duration.ofDays(3));
		assertThat(this.kubernetes.batch()
			.v1()
			.jobs()
			.inNamespace(this.provisioning.namespace(instance))
			.list()
			.getItems()).isEmpty();
		assertThat(this.provisioning.events(instance))
			.anyMatch((event) -> event.matches("backup: Backup finished: [0-9.]+ kB, encrypted, kept for 3 days"));

		this.scheduler.run();
		assertThat(backupsOf(instance)).hasSize(1);
	}

	@Test
	void takesTheManualBackupsAdminsAskForAndRefusesThoseOfInstancesWithoutData() {
		UUID instance = running("professional", "manual");
		UUID never = this.provisioning.instance("free", "never");
		this.jdbc.sql("update mindroom.instances set desired_state = 'deleted' where id = ?").param(never).update();
		this.provisioning.awaitObserved(never, "deleted");
		UUID admin = this.provisioning.data().account("backup-admin");
		UUID job = this.jobs.enqueue(BackupJobs.MANUAL, Map.of("instance", instance.toString()), null, admin);
		UUID refused = this.jobs.enqueue(BackupJobs.MANUAL, Map.of("instance", never.toString()), null, admin);

		this.scheduler.run();

		List<UUID> taken = this.jdbc.sql("select id from mindroom.backups where instance_id = ? and kind = 'manual'")
			.param(instance)
			.query(UUID.class)
			.list();
		assertThat(taken).hasSize(1);
		assertThat(this.backups.awaitEnded(taken.get(0))).containsEntry("status", "succeeded")
			.containsEntry("scheduled_for", null)
			.containsEntry("requested_by", admin);
		assertThat(jobRow(job)).containsEntry("status", "succeeded");
		assertThat(jobRow(refused)).containsEntry("last_error",
				"The instance has no data to back up (not provisioned, or deleted)");
		assertThat(backupsOf(never)).isEmpty();
	}

	@Test
	void failsAManualBackupJobThatNamesNoInstanceAndGoesOnWithTheNext() {
		UUID instance = running("starter", "after-nope");
		UUID admin = this.provisioning.data().account("backup-admin-nope");
		UUID malformed = this.jobs.enqueue(BackupJobs.MANUAL, Map.of("instance", "nope"), null, admin);
		UUID next = this.jobs.enqueue(BackupJobs.MANUAL, Map.of("instance", instance.toString()), null, admin);

		this.scheduler.run();

		assertThat(jobRow(malformed)).doesNotContainEntry("status", "succeeded")
			.containsEntry("last_error",
					"The job does not name an instance: its payload needs \"instance\": the instance's id");
		assertThat(jobRow(next)).containsEntry("status", "succeeded");
		List<UUID> taken = this.jdbc.sql("select id from mindroom.backups where instance_id = ? and kind = 'manual'")
			.param(instance)
			.query(UUID.class)
			.list();
		assertThat(taken).hasSize(1);
		assertThat(this.backups.awaitEnded(taken.get(0))).containsEntry("status", "succeeded");
	}

	@Test
	void saysWhyNoBackupIsTakenWithoutABucket() {
		assertThat(this.scheduler.notTaken()).isEmpty();
		BackupScheduler bucketless = new BackupScheduler(this.jdbc, this.runs, this.jobs,
				new BackupStorage(null, "not configured: set MINDROOM_BACKUP_S3_BUCKET"), this.properties,
				Clock.systemUTC());

		assertThat(bucketless.notTaken())
			.contains("Backups cannot be taken: the backup bucket is not configured: set MINDROOM_BACKUP_S3_BUCKET.");
		assertThat(bucketless.run()).isZero();
	}

	@Test
	void recordsAFailedBackupWithTheReasonAndStoresNothing() {
		UUID instance = running("starter", "refused");
		s3.refuseUploads(true);
		Map<String, Object> backup;
		try {
			backup = this.backups.take(instance);
		}
		finally {
			s3.refuseUploads(false);
		}

		assertThat(backup).containsEntry("status", "failed").containsEntry("size_bytes", null);
		assertThat((String) backup.get("error")).startsWith("Could not upload backups/" + instance)
			.contains("AccessDenied")
			.doesNotContain("test-secret-key");
		assertThat(backup.get("finished_at")).isNotNull();
		assertThat(s3.keys()).noneMatch((key) -> key.startsWith("backups/" + instance));
		assertThat(this.provisioning.events(instance)).anyMatch((event) -> event.startsWith("backup: Backup failed: "));
	}

	@Test
	void aBackupNotFinishedWithinItsWindowCountsAsFailed() {
		UUID instance = running("starter", "stuck");
		String namespace = this.provisioning.namespace(instance);
		this.kubernetes.batch()
			.v1()
			.jobs()
			.inNamespace(namespace)
			.resource(new JobBuilder().withNewMetadata()
				.withName("backup-stuck")
				.endMetadata()
				.withNewSpec()
				.withNewTemplate()
				.withNewSpec()
				.addNewContainer()
				.withName("agent")
				.withImage("instance-provisioner:simulated")
				.endContainer()
				.withRestartPolicy("Never")
				.endSpec()
				.endTemplate()
				.endSpec()
				.build())
			.create();
		UUID backup = UUID.randomUUID();
		this.jdbc.sql("""
				insert into mindroom.backups (id, instance_id, account_id, kind, status, started_at, deadline_at,
				    object_key, job_name)
				select ?, id, account_id, 'manual', 'running', now() - interval '3 hours', now() - interval '1 hour',
				    'backups/stuck.tar.gz.enc', 'backup-stuck' from mindroom.instances where id = ?
				""").params(backup, instance).update();

		this.runs.checkRunning();

		assertThat(this.backups.row(backup)).containsEntry("status", "failed")
			.containsEntry("error", "it did not finish within its 2 h window");
		assertThat(this.kubernetes.batch().v1().jobs().inNamespace(namespace).withName("backup-stuck").get()).isNull();
		assertThat(this.provisioning.events(instance))
			.contains("backup: Backup failed: it did not finish within its 2 h window");
	}

	@Test
	void keepsBackupsForTheirPlansRetentionThenDeletesThem() {
		assertThat(List.of("free", "starter", "professional", "enterprise")).map(this.properties::retentionOf)
			.containsExactly(Duration.ofDays(3), Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(60));
		Set<String> kept = new HashSet<>();
		Set<String> deleted = new HashSet<>();
		Map<String, int[]> ages = new LinkedHashMap<>();
		ages.put("free", new int[] { 1, 2, 4 });
		ages.put("starter", new int[] { 1, 6, 8 });
		ages.put("professional", new int[] { 1, 29, 31 });
		ages.put("enterprise", new int[] { 1, 59, 61 });
		for (Map.Entry<String, int[]> plan : ages.entrySet()) {
			UUID instance = this.provisioning.instance(plan.getKey(), "keep-" + plan.getKey());
			Duration retention = this.properties.retentionOf(plan.getKey());
			for (int age : plan.getValue()) {
				Duration seeded = Duration.ofDays(age).minusHours(1);
				String key = seedBackup(instance, seeded, retention);
				((seeded.compareTo(retention) > 0) ? deleted : kept).add(key);
			}
		}
		UUID suspendedLong = this.provisioning.instance("free", "keep-newest");
		String onlyBackup = seedBackup(suspendedLong, Duration.ofDays(40), Duration.ofDays(3));
		UUID gone = this.provisioning.instance("professional", "gone");
		String ofDeletedInstance = seedBackup(gone, Duration.ofDays(1), Duration.ofDays(30));
		this.jdbc.sql("update mindroom.instances set desired_state = 'deleted' where id = ?").param(gone).update();
		this.provisioning.awaitObserved(gone, "deleted");
		String leftByAFailure = seedBackup(suspendedLong, Duration.ofDays(2), Duration.ofDays(3));
		this.jdbc.sql("update mindroom.backups set status = 'failed' where object_key = ?")
			.param(leftByAFailure)
			.update();

		this.retention.expire();

		assertThat(s3.keys()).doesNotContain(leftByAFailure, BackupManifest.keyOf(leftByAFailure));
		assertThat(this.jdbc.sql("select status from mindroom.backups where object_key = ? and expired_at is not null")
			.param(leftByAFailure)
			.query(String.class)
			.single()).isEqualTo("failed");
		assertThat(s3.keys()).containsAll(kept)
			.contains(onlyBackup)
			.doesNotContainAnyElementsOf(deleted)
			.doesNotContain(ofDeletedInstance);
		assertThat(s3.keys()).doesNotContainAnyElementsOf(deleted.stream().map(BackupManifest::keyOf).toList());
		assertThat(this.jdbc
			.sql("select object_key from mindroom.backups where status = 'expired' " + "and expired_at is not null")
			.query(String.class)
			.list()).containsExactlyInAnyOrderElementsOf(concat(deleted, ofDeletedInstance));
	}

	@Test
	void eachTenantsBackupsAreEncryptedWithItsOwnKey() throws Exception {
		UUID mine = running("starter", "mine");
		UUID theirs = running("starter", "theirs");
		Map<String, Object> backup = this.backups.take(mine);
		String key = (String) backup.get("object_key");
		char[] myKey = passphrase(mine);
		char[] theirKey = passphrase(theirs);
		assertThat(myKey).isNotEqualTo(theirKey);
		ObjectStore store = new S3ObjectStore(this.properties.s3().settings());

		Map<String, Path> volumes = scratchVolumes("theirs");
		assertThatExceptionOfType(java.io.IOException.class)
			.isThrownBy(
					() -> BackupAgent.restore(store, key, (String) backup.get("checksum_sha256"), volumes, theirKey))
			.withMessageStartingWith("The backup could not be read");
		assertThat(volumes.get("mindroom-data")).isEmptyDirectory();

		Map<String, Path> restored = scratchVolumes("mine");
		BackupAgent.restore(store, key, (String) backup.get("checksum_sha256"), restored, myKey);
		assertThat(restored.get("mindroom-data").resolve("README.txt")).content().contains(mine.toString());
	}

	private UUID running(String plan, String slug) {
		UUID instance = this.provisioning.instance(plan, slug);
		this.provisioning.awaitObserved(instance, "running");
		return instance;
	}

	private Map<String, Object> jobRow(UUID job) {
		return this.jdbc.sql("select * from mindroom.jobs where id = ?").param(job).query().singleRow();
	}

	private List<UUID> backupsOf(UUID instance) {
		return this.jdbc.sql("select id from mindroom.backups where instance_id = ?")
			.param(instance)
			.query(UUID.class)
			.list();
	}

	private String seedBackup(UUID instance, Duration age, Duration retention) {
		UUID id = UUID.randomUUID();
		String key = "backups/" + instance + "/" + id + ".tar.gz.enc";
		OffsetDateTime finished = OffsetDateTime.now(ZoneOffset.UTC).minus(age);
		this.jdbc.sql("""
				insert into mindroom.backups (id, instance_id, account_id, kind, status, started_at, deadline_at,
				    finished_at, object_key, size_bytes, checksum_sha256, expires_at)
				select ?, id, account_id, 'scheduled', 'succeeded', ?, ?, ?, ?, 3, 'abc', ?
				from mindroom.instances where id = ?
				""")
			.params(id, finished.minusMinutes(5), finished.plusHours(1), finished, key, finished.plus(retention),
					instance)
			.update();
		s3.put(key, new byte[] { 1, 2, 3 });
		s3.put(BackupManifest.keyOf(key), "{}".getBytes());
		return key;
	}

	private char[] passphrase(UUID instance) {
		return this.secrets.backupPassphrase(instance).toCharArray();
	}

	private Map<String, Path> scratchVolumes(String name) throws java.io.IOException {
		Map<String, Path> volumes = new LinkedHashMap<>();
		for (String volume : AgentJob.DATA_VOLUMES) {
			volumes.put(volume, Files.createDirectories(this.temp.resolve(name).resolve(volume)));
		}
		return volumes;
	}

	private static Set<String> concat(Set<String> keys, String key) {
		Set<String> all = new HashSet<>(keys);
		all.add(key);
		return all;
	}

	private static String sha256(byte[] bytes) throws Exception {
		return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}
