package com.mindroom.provisioner.backup;

import java.io.IOException;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import com.mindroom.provisioner.reconcile.FailureReasons;
import com.mindroom.provisioner.secret.TenantSecrets;
import com.mindroom.common.backup.Sizes;
import com.mindroom.provisioner.reconcile.InstanceEvents;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Starts backups and records their outcomes: each backup is a {@code backups} row
 * ({@code running} with a deadline) and an agent Job in the tenant's namespace. When the
 * Job succeeds, its manifest gives the archive's size and SHA-256, checked against the
 * stored object; when it fails, or does not finish within its window, the backup is
 * {@code failed} with the reason. Either way the Job goes, and the instance's history
 * says what happened.
 */
public class BackupRuns {

	private static final Logger logger = LoggerFactory.getLogger(BackupRuns.class);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

	private static final Duration GRACE_FOR_NEW_JOBS = Duration.ofMinutes(2);

	private final JdbcClient jdbc;

	private final AgentJobs jobs;

	private final BackupStorage storage;

	private final TenantSecrets secrets;

	private final InstanceEvents events;

	private final BackupProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	public BackupRuns(JdbcClient jdbc, AgentJobs jobs, BackupStorage storage, TenantSecrets secrets,
			InstanceEvents events, BackupProperties properties, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.jobs = jobs;
		this.storage = storage;
		this.secrets = secrets;
		this.events = events;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Starts a backup of an instance.
	 * @param instance the instance
	 * @param slot the day of its scheduled backup, or {@code null} for a manual one
	 * @param requestedBy who asked for a manual backup
	 * @return the backup's id, or {@code null} when the day's backup exists already
	 */
	public UUID start(BackupTarget instance, LocalDate slot, UUID requestedBy) {
		UUID id = UUID.randomUUID();
		String name = "backup-" + id.toString().substring(0, 8);
		String key = this.properties.s3().prefix() + "/" + instance.id() + "/" + DAY.format(this.clock.instant()) + "-"
				+ id + ".tar.gz.enc";
		boolean inserted = this.jdbc.sql("""
				insert into backups (id, instance_id, account_id, kind, status, deadline_at, object_key, job_name,
				    scheduled_for, requested_by)
				values (?, ?, ?, ?, 'running', now() + make_interval(secs => ?), ?, ?, ?, ?)
				on conflict do nothing
				""")
			.params(id, instance.id(), instance.accountId(), (slot != null) ? "scheduled" : "manual",
					this.properties.window().toSeconds(), key, name, slot, requestedBy)
			.update() > 0;
		if (!inserted) {
			return null;
		}
		try {
			String passphrase = this.secrets.backupPassphrase(instance.id());
			List<AgentJob.Volume> volumes = AgentJob.dataVolumes(false);
			this.jobs.launch(new AgentJob(instance.namespace(), name, false, instance.id(), instance.slug(), key, null,
					volumes, passphrase, this.properties.window()));
			logger.info("Backup {} of instance {} started (Job {}/{})", id, instance.id(), instance.namespace(), name);
		}
		catch (RuntimeException ex) {
			fail(id, instance.id(), "the backup Job could not be started: " + FailureReasons.describe(ex));
		}
		return id;
	}

	/**
	 * Looks at every running backup and records those that ended.
	 * @return how many are still running
	 */
	public int checkRunning() {
		List<Running> running = this.jdbc
			.sql("""
					select b.id, b.instance_id, b.object_key, b.job_name, i.namespace, i.plan, b.deadline_at < now() as overdue,
					    b.started_at < now() - make_interval(secs => ?) as settled_in
					from backups b join instances i on i.id = b.instance_id
					where b.status = 'running' order by b.started_at
					""")
			.param(GRACE_FOR_NEW_JOBS.toSeconds())
			.query(BackupRuns::running)
			.list();
		int ended = 0;
		for (Running backup : running) {
			try {
				ended += check(backup) ? 1 : 0;
			}
			catch (RuntimeException ex) {
				logger.warn("Could not check backup {} (checked again shortly): {}", backup.id(),
						FailureReasons.describe(ex));
			}
		}
		return running.size() - ended;
	}

	private boolean check(Running backup) {
		if (backup.overdue()) {
			fail(backup.id(), backup.instanceId(),
					"it did not finish within its " + Sizes.duration(this.properties.window()) + " window");
			this.jobs.remove(backup.namespace(), backup.jobName());
			return true;
		}
		JobState state = this.jobs.state(backup.namespace(), backup.jobName());
		switch (state.phase()) {
			case SUCCEEDED -> finish(backup);
			case FAILED -> fail(backup.id(), backup.instanceId(), state.message());
			case MISSING -> {
				if (!backup.settledIn()) {
					return false;
				}
				fail(backup.id(), backup.instanceId(), "its Job disappeared before it finished");
			}
			default -> {
				return false;
			}
		}
		this.jobs.remove(backup.namespace(), backup.jobName());
		return true;
	}

	private void finish(Running backup) {
		BackupManifest manifest;
		long stored;
		try (InputStream in = this.storage.store().open(BackupManifest.keyOf(backup.key()))) {
			manifest = this.json.readValue(in, BackupManifest.class);
			stored = this.storage.store().size(backup.key()).orElse(-1L);
		}
		catch (IOException | RuntimeException ex) {
			fail(backup.id(), backup.instanceId(), "its result could not be read: " + FailureReasons.describe(ex));
			return;
		}
		if (!backup.key().equals(manifest.key()) || stored != manifest.sizeBytes()) {
			fail(backup.id(), backup.instanceId(), "the stored archive (" + stored
					+ " bytes) is not what the Job reported (" + manifest.sizeBytes() + " bytes)");
			return;
		}
		Duration retention = this.properties.retentionOf(backup.plan());
		int updated = this.jdbc.sql("""
				update backups set status = 'succeeded', finished_at = now(), size_bytes = ?, checksum_sha256 = ?,
				    expires_at = now() + make_interval(secs => ?), error = null
				where id = ? and status = 'running'
				""").params(manifest.sizeBytes(), manifest.sha256(), retention.toSeconds(), backup.id()).update();
		if (updated > 0) {
			this.events.backup(backup.instanceId(), "Backup finished: " + Sizes.bytes(manifest.sizeBytes())
					+ ", encrypted, kept for " + retention.toDays() + " days");
			logger.info("Backup {} of instance {} finished ({} bytes)", backup.id(), backup.instanceId(),
					manifest.sizeBytes());
		}
	}

	void fail(UUID id, UUID instanceId, String reason) {
		int updated = this.jdbc.sql(
				"update backups set status = 'failed', finished_at = now(), error = ? where id = ? and status = 'running'")
			.params(reason, id)
			.update();
		if (updated > 0) {
			this.events.backup(instanceId, "Backup failed: " + reason);
			logger.warn("Backup {} of instance {} failed: {}", id, instanceId, reason);
		}
	}

	private static Running running(ResultSet rs, int row) throws SQLException {
		return new Running(rs.getObject("id", UUID.class), rs.getObject("instance_id", UUID.class),
				rs.getString("object_key"), rs.getString("job_name"), rs.getString("namespace"), rs.getString("plan"),
				rs.getBoolean("overdue"), rs.getBoolean("settled_in"));
	}

	private record Running(UUID id, UUID instanceId, String key, String jobName, String namespace, String plan,
			boolean overdue, boolean settledIn) {

	}

}
