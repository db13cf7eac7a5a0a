package com.mindroom.provisioner.alerting;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the database shows of the platform's health, in a few cheap queries (the
 * instances' indexes on observed state and the backups' on instance and start time).
 * Times are the database's, like the timestamps they are compared with.
 */
class PlatformReadings {

	private static final String BACKLOG = "generation > observed_generation and observed_state not in ('error', 'deleted')";

	/**
	 * The instances that should be backed up daily (those the backup scheduler takes),
	 * when their newest successful backup finished, and since when they have gone without
	 * one: that finish, or the instance's creation if it never had one.
	 */
	private static final String LAST_BACKUPS = """
			select i.id, i.slug, b.finished_at, greatest(b.finished_at, i.created_at) as since
			from instances i
			left join lateral (select finished_at from backups where instance_id = i.id and status = 'succeeded'
			    order by started_at desc limit 1) b on true
			where i.desired_state = 'running' and i.observed_state in ('running', 'degraded')
			""";

	private final JdbcClient jdbc;

	PlatformReadings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Instances per observed state (deleted ones left out), with the age of the oldest.
	 */
	List<StateCount> instancesByState() {
		return this.jdbc.sql("""
				select observed_state, count(*), extract(epoch from now() - min(observed_state_since))::float8
				from instances where observed_state <> 'deleted' group by observed_state
				""").query((rs, row) -> new StateCount(rs.getString(1), rs.getLong(2), rs.getDouble(3))).list();
	}

	/**
	 * The reconcile backlog: instances whose desired generation is not reached yet (those
	 * in {@code error} have an alert of their own), and how long the oldest due one
	 * nobody has claimed has waited for a replica.
	 */
	Backlog backlog() {
		return this.jdbc.sql("""
				select count(*), coalesce(extract(epoch from now() - min(next_attempt_at) filter (where
				    next_attempt_at <= now() and (claimed_until is null or claimed_until < now()))), 0)::float8
				from instances where %s
				""".formatted(BACKLOG)).query((rs, row) -> new Backlog(rs.getLong(1), rs.getDouble(2))).single();
	}

	/** Instances in {@code error} or {@code degraded} for longer than the given time. */
	List<StuckInstance> stuckInstances(Duration after) {
		return this.jdbc.sql("""
				select id, slug, observed_state, observed_state_since, coalesce(last_error, health_reason)
				from instances where observed_state in ('error', 'degraded')
				    and observed_state_since < now() - make_interval(secs => ?)
				order by observed_state_since
				""")
			.param(after.toSeconds())
			.query((rs, row) -> new StuckInstance(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class), rs.getString(5)))
			.list();
	}

	/**
	 * Instances whose newest backup failed or is still running past its deadline (a
	 * backup that did not finish within its window counts as failed).
	 */
	List<FailingBackup> failingBackups() {
		return this.jdbc.sql("""
				select i.id, i.slug, b.started_at, coalesce(b.error, 'did not finish within its window')
				from instances i
				join lateral (select status, started_at, deadline_at, error from backups
				    where instance_id = i.id order by started_at desc limit 1) b on true
				where i.observed_state <> 'deleted'
				    and (b.status = 'failed' or (b.status = 'running' and b.deadline_at < now()))
				order by b.started_at
				""")
			.query((rs, row) -> new FailingBackup(rs.getObject(1, UUID.class), rs.getString(2),
					rs.getObject(3, OffsetDateTime.class), rs.getString(4)))
			.list();
	}

	/**
	 * Running instances without a successful backup for longer than the given time (never
	 * backed up counts from the instance's creation).
	 */
	List<OverdueBackup> overdueBackups(Duration after) {
		return this.jdbc.sql("""
				select id, slug, finished_at, since from (%s) last
				where since < now() - make_interval(secs => ?) order by since
				""".formatted(LAST_BACKUPS))
			.param(after.toSeconds())
			.query((rs, row) -> new OverdueBackup(rs.getObject(1, UUID.class), rs.getString(2),
					rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class)))
			.list();
	}

	/** How many instances are running (and so should be backed up). */
	int runningInstances() {
		return this.jdbc.sql("select count(*) from (%s) running".formatted(LAST_BACKUPS)).query(Integer.class).single();
	}

	/**
	 * The longest any running instance has gone without a successful backup, in seconds
	 * (0 without running instances).
	 */
	double longestWithoutBackupSeconds() {
		return this.jdbc
			.sql("select coalesce(max(extract(epoch from now() - since)), 0)::float8 from (%s) last"
				.formatted(LAST_BACKUPS))
			.query(Double.class)
			.single();
	}

	/** Restore drills that failed within the given time, the newest first. */
	List<FailedDrill> failedDrills(Duration within) {
		return this.jdbc.sql("""
				select r.id, r.instance_id, i.slug, r.finished_at, r.checksum_verified = false, r.error
				from restores r join instances i on i.id = r.instance_id
				where r.kind = 'drill' and r.status = 'failed' and r.finished_at > now() - make_interval(secs => ?)
				order by r.finished_at desc
				""")
			.param(within.toSeconds())
			.query((rs, row) -> new FailedDrill(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getString(3), rs.getObject(4, OffsetDateTime.class), rs.getBoolean(5), rs.getString(6)))
			.list();
	}

	/** Stripe events the stripe-handler stored but could not apply. */
	long failedStripeEvents() {
		return this.jdbc.sql("select count(*) from stripe_events where status = 'failed'").query(Long.class).single();
	}

	record StateCount(String state, long count, double oldestSeconds) {

	}

	record Backlog(long count, double oldestWaitingSeconds) {

	}

	record StuckInstance(UUID id, String slug, String state, OffsetDateTime since, String reason) {

	}

	record FailingBackup(UUID instanceId, String slug, OffsetDateTime startedAt, String error) {

	}

	/**
	 * A running instance without a recent successful backup.
	 *
	 * @param instanceId the instance
	 * @param slug its slug
	 * @param lastSucceeded when its newest successful backup finished, {@code null} if it
	 * never had one
	 * @param since since when it has gone without one
	 */
	record OverdueBackup(UUID instanceId, String slug, OffsetDateTime lastSucceeded, OffsetDateTime since) {

	}

	/**
	 * A failed restore drill.
	 *
	 * @param id the drill ({@code restores} row)
	 * @param instanceId the instance whose backup it restored
	 * @param slug the instance's slug
	 * @param finishedAt when it failed
	 * @param checksumMismatch whether the archive did not match the recorded checksum
	 * @param error why it failed
	 */
	record FailedDrill(UUID id, UUID instanceId, String slug, OffsetDateTime finishedAt, boolean checksumMismatch,
			String error) {

	}

}
