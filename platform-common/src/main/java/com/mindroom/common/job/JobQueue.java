package com.mindroom.common.job;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code jobs} table as a work queue: jobs are claimed with
 * {@code FOR UPDATE SKIP LOCKED} under a lease, so any number of replicas share them, and
 * a crashed replica's job is claimed again when its lease runs out. Queuing a job wakes
 * its owner through {@code NOTIFY job_queued}.
 */
public class JobQueue {

	private static final Logger logger = LoggerFactory.getLogger(JobQueue.class);

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	public JobQueue(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Queues a job; with a dedupe key, joins the queued or running job with that key
	 * instead of adding another.
	 * @param kind the kind of work
	 * @param payload its parameters
	 * @param dedupeKey the key that makes a repeat join the first, or {@code null}
	 * @param requestedBy the account asking, or {@code null}
	 * @return the id of the queued (or joined) job
	 */
	public UUID enqueue(String kind, Map<String, Object> payload, String dedupeKey, UUID requestedBy) {
		Optional<UUID> queued = this.jdbc.sql("""
				insert into jobs (kind, payload, dedupe_key, requested_by) values (?, cast(? as jsonb), ?, ?)
				on conflict (dedupe_key) where status in ('queued', 'running') do nothing
				returning id
				""")
			.params(kind, this.json.writeValueAsString(payload), dedupeKey, requestedBy)
			.query(UUID.class)
			.optional();
		if (queued.isPresent()) {
			logger.info("Queued {} job {}", kind, queued.get());
			return queued.get();
		}
		return this.jdbc.sql("select id from jobs where dedupe_key = ? and status in ('queued', 'running')")
			.param(dedupeKey)
			.query(UUID.class)
			.single();
	}

	/**
	 * Queues a job without reading anything back, for a role that may only insert into
	 * {@code jobs} (the portal's): with a dedupe key, a repeat while a job with that key
	 * is queued or running is dropped, so a job that reads its data when it runs must
	 * look again when it completes for changes that arrived meanwhile. The conflict has
	 * no target because naming one needs {@code SELECT} on the table; the random primary
	 * key never conflicts, so the key is the only constraint that can.
	 * @param kind the kind of work
	 * @param payload its parameters
	 * @param dedupeKey the key that makes a repeat join the first, or {@code null}
	 * @param requestedBy the account asking, or {@code null}
	 * @return whether a job was added ({@code false}: one with the key was queued or
	 * running)
	 */
	public boolean submit(String kind, Map<String, Object> payload, String dedupeKey, UUID requestedBy) {
		boolean added = this.jdbc.sql("""
				insert into jobs (kind, payload, dedupe_key, requested_by) values (?, cast(? as jsonb), ?, ?)
				on conflict do nothing
				""").params(kind, this.json.writeValueAsString(payload), dedupeKey, requestedBy).update() > 0;
		if (added) {
			logger.info("Queued {} job", kind);
		}
		return added;
	}

	/**
	 * Claims the oldest due job of a kind, or one whose previous claim's lease ran out.
	 * @param kind the kind of work
	 * @param lease how long the claim holds before another replica may take the job
	 * @return the claimed job, if any was due
	 */
	public Optional<Job> claim(String kind, Duration lease) {
		return this.jdbc.sql("""
				update jobs set status = 'running', attempts = attempts + 1,
				    locked_until = now() + make_interval(secs => ?)
				where id = (
				    select id from jobs
				    where kind = ? and ((status = 'queued' and run_at <= now())
				        or (status = 'running' and locked_until < now()))
				    order by run_at
				    limit 1
				    for update skip locked)
				returning id, kind, payload::text, attempts, max_attempts, requested_by
				""").params(lease.toSeconds(), kind).query(this::job).optional();
	}

	public void succeed(UUID id, Map<String, Object> result) {
		this.jdbc.sql("""
				update jobs set status = 'succeeded', finished_at = now(), locked_until = null, last_error = null,
				    result = cast(? as jsonb)
				where id = ?
				""").params(this.json.writeValueAsString(result), id).update();
	}

	/**
	 * Records a failed attempt: the job is queued again after the delay, or given up
	 * after its last attempt.
	 * @param job the job
	 * @param error what went wrong (shown to admins; never a secret)
	 * @param retryIn how long to wait before the next attempt
	 */
	public void fail(Job job, String error, Duration retryIn) {
		boolean giveUp = job.attempts() >= job.maxAttempts();
		this.jdbc.sql("""
				update jobs set status = ?, last_error = ?, locked_until = null,
				    run_at = now() + make_interval(secs => ?), finished_at = case when ? then now() end
				where id = ?
				""").params(giveUp ? "failed" : "queued", error, retryIn.toSeconds(), giveUp, job.id()).update();
		logger.warn("Job {} ({}) failed on attempt {}{}: {}", job.id(), job.kind(), job.attempts(),
				giveUp ? ", giving up" : "", error);
	}

	private Job job(ResultSet rs, int row) throws SQLException {
		return new Job(rs.getObject("id", UUID.class), rs.getString("kind"),
				this.json.readValue(rs.getString("payload"), MAP), rs.getInt("attempts"), rs.getInt("max_attempts"),
				rs.getObject("requested_by", UUID.class));
	}

}
