package com.mindroom.provisioner.backup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.common.job.BackupJobs;
import com.mindroom.common.job.Job;
import com.mindroom.common.job.JobQueue;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Decides which backups start now: once a day each running instance at its own time
 * within the configured spread after the start time (UTC), and the manual backups admins
 * ask for ({@link BackupJobs#MANUAL} jobs), never more at once than the configured
 * maximum. A day whose backup was missed (the provisioner was down) is made up as soon as
 * it can be.
 */
public class BackupScheduler {

	private static final Logger logger = LoggerFactory.getLogger(BackupScheduler.class);

	private final JdbcClient jdbc;

	private final BackupRuns runs;

	private final JobQueue queue;

	private final BackupStorage storage;

	private final BackupProperties properties;

	private final Clock clock;

	public BackupScheduler(JdbcClient jdbc, BackupRuns runs, JobQueue queue, BackupStorage storage,
			BackupProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.runs = runs;
		this.queue = queue;
		this.storage = storage;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Why no backup is taken at all, if none is: switched off, or nowhere to put them.
	 * @return the reason, or empty when backups are taken
	 */
	public Optional<String> notTaken() {
		if (!this.properties.enabled()) {
			return Optional.of("Backups are switched off (mindroom.backups.enabled=false).");
		}
		if (!this.storage.available()) {
			return Optional.of("Backups cannot be taken: the backup bucket is " + this.storage.description() + ".");
		}
		return Optional.empty();
	}

	/**
	 * Records the backups that ended, then starts those that are due.
	 * @return how many backups were started
	 */
	public int run() {
		if (notTaken().isPresent()) {
			return 0;
		}
		int free = this.properties.maxConcurrent() - this.runs.checkRunning();
		int started = 0;
		while (started < free) {
			Optional<Job> job = this.queue.claim(BackupJobs.MANUAL, Duration.ofMinutes(5));
			if (job.isEmpty()) {
				break;
			}
			started += startManual(job.get()) ? 1 : 0;
		}
		if (started < free) {
			started += startScheduled(free - started);
		}
		return started;
	}

	private boolean startManual(Job job) {
		Optional<UUID> instanceId = instanceOf(job);
		if (instanceId.isEmpty()) {
			this.queue.fail(job, "The job does not name an instance: its payload needs \"instance\": the instance's id",
					Duration.ofMinutes(1));
			return false;
		}
		Optional<BackupTarget> target = this.jdbc
			.sql("select %s from instances i where i.id = ? and %s".formatted(BackupTarget.COLUMNS,
					BackupJobs.HAS_DATA))
			.param(instanceId.get())
			.query(BackupTarget::read)
			.optional();
		if (target.isEmpty()) {
			this.queue.fail(job, "The instance has no data to back up (not provisioned, or deleted)",
					Duration.ofMinutes(1));
			return false;
		}
		UUID backup = this.runs.start(target.get(), null, job.requestedBy());
		this.queue.succeed(job.id(), Map.of("backup", String.valueOf(backup)));
		return true;
	}

	private static Optional<UUID> instanceOf(Job job) {
		try {
			return Optional.of(UUID.fromString(String.valueOf(job.payload().get("instance"))));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private int startScheduled(int limit) {
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		Instant todayStart = today.atTime(this.properties.startAt()).toInstant(ZoneOffset.UTC);
		LocalDate slot = now.isBefore(todayStart) ? today.minusDays(1) : today;
		long elapsed = Duration.between(slot.atTime(this.properties.startAt()).toInstant(ZoneOffset.UTC), now)
			.toSeconds();
		List<BackupTarget> due = this.jdbc.sql("""
				select %s from instances i
				where i.desired_state = 'running' and i.observed_state in ('running', 'degraded')
				  and i.namespace is not null and i.restore_id is null
				  and mod(abs(hashtext(i.id::text))::bigint, :spread) <= :elapsed
				  and not exists (select 1 from backups b where b.instance_id = i.id and b.kind = 'scheduled'
				                  and b.scheduled_for = :slot)
				order by i.id limit :limit
				""".formatted(BackupTarget.COLUMNS))
			.param("spread", Math.max(1, this.properties.spread().toSeconds()))
			.param("elapsed", elapsed)
			.param("slot", slot)
			.param("limit", limit)
			.query(BackupTarget::read)
			.list();
		int started = 0;
		for (BackupTarget instance : due) {
			started += (this.runs.start(instance, slot, null) != null) ? 1 : 0;
		}
		if (started > 0) {
			logger.info("Started {} scheduled backups for {}", started, slot);
		}
		return started;
	}

}
