package com.mindroom.admin.stripe;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import com.mindroom.admin.access.AuditedActions;
import com.mindroom.admin.access.Caller;
import com.mindroom.admin.stripe.StripeViews.StripeEvent;
import com.mindroom.admin.stripe.StripeViews.StripeEventDetail;
import com.mindroom.admin.stripe.StripeViews.StripeJob;
import com.mindroom.admin.web.Page;
import com.mindroom.admin.web.PageRequest;
import com.mindroom.common.job.JobQueue;
import com.mindroom.common.job.StripeJobs;
import com.mindroom.common.web.Problems;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The Stripe webhook inbox for admins: filtered lists, payloads with secrets redacted,
 * "reprocess" for a failed event (it becomes due again, and the stripe-handler's retry
 * picks it up), the backfill and full resync jobs, queued for the stripe-handler, and the
 * stripe-handler's other jobs (a customer's new email, queued by the portal).
 */
@Component
class StripeEvents {

	static final Set<String> STATUSES = Set.of("received", "processed", "ignored", "failed");

	private static final String COLUMNS = "id, type, status, source, object_id, attempts, last_error, "
			+ "stripe_created_at, received_at, processed_at, next_attempt_at";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final JobQueue jobs;

	private final AuditedActions actions;

	StripeEvents(JdbcClient jdbc, JsonMapper json, JobQueue jobs, AuditedActions actions) {
		this.jdbc = jdbc;
		this.json = json;
		this.jobs = jobs;
		this.actions = actions;
	}

	Page<StripeEvent> list(String status, String type, PageRequest page) {
		if (status != null && !status.isBlank() && !STATUSES.contains(status)) {
			throw Problems.badRequest("status must be one of " + STATUSES);
		}
		String statusFilter = (status != null && !status.isBlank()) ? status : null;
		String typeFilter = (type != null && !type.isBlank()) ? type.trim() : null;
		String where = """
				(cast(:status as text) is null or status = :status)
				and (cast(:type as text) is null or type = :type or type like replace(:type, '*', '%'))
				""";
		long total = this.jdbc.sql("select count(*) from stripe_events where " + where)
			.param("status", statusFilter)
			.param("type", typeFilter)
			.query(Long.class)
			.single();
		List<StripeEvent> events = this.jdbc
			.sql("select " + COLUMNS + " from stripe_events where " + where
					+ " order by received_at desc, id limit :limit offset :offset")
			.param("status", statusFilter)
			.param("type", typeFilter)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(StripeEvents::read)
			.list();
		return page.of(events, total);
	}

	Optional<StripeEventDetail> detail(String id) {
		return this.jdbc.sql("select " + COLUMNS + ", payload::text as payload from stripe_events where id = ?")
			.param(id)
			.query((rs, row) -> new StripeEventDetail(read(rs, row),
					PayloadRedaction.redact(this.json, rs.getString("payload"))))
			.optional();
	}

	/**
	 * Makes a failed event due again with a fresh retry budget.
	 * @param caller the admin
	 * @param id the event
	 */
	void reprocess(Caller caller, String id) {
		this.actions.run(caller.audit("stripe.event_reprocess").withTarget("stripe_event", id), () -> {
			int changed = this.jdbc.sql("""
					update stripe_events set status = 'received', attempts = 0, next_attempt_at = now()
					where id = ? and status = 'failed'
					""").param(id).update();
			if (changed == 0) {
				boolean exists = this.jdbc.sql("select count(*) from stripe_events where id = ?")
					.param(id)
					.query(Long.class)
					.single() > 0;
				throw exists ? Problems.conflict("Only a failed event can be reprocessed.")
						: Problems.notFound("No such event.");
			}
		});
	}

	/**
	 * Queues a backfill or full resync for the stripe-handler; a second request while one
	 * is queued or running joins it.
	 * @param caller the admin
	 * @param kind {@code stripe.backfill} or {@code stripe.resync}
	 * @return the job id
	 */
	UUID enqueue(Caller caller, String kind) {
		return this.actions.run(caller.audit(kind + "_requested").withTarget("job", kind),
				() -> this.jobs.enqueue(kind, Map.of("requestedVia", "admin-dashboard"), kind, caller.accountId()),
				(entry, job) -> entry.withDetail("job", job.toString()));
	}

	List<StripeJob> recentJobs() {
		return this.jdbc.sql("""
				select id, kind, cast(payload ->> 'account_id' as uuid) as account_id, status, attempts, last_error,
				    created_at, finished_at
				from jobs where kind in (:kinds) order by created_at desc limit 10
				""")
			.param("kinds", StripeJobs.KINDS)
			.query((rs, row) -> new StripeJob(rs.getObject("id", UUID.class), rs.getString("kind"),
					rs.getObject("account_id", UUID.class), rs.getString("status"), rs.getInt("attempts"),
					rs.getString("last_error"), rs.getObject("created_at", OffsetDateTime.class),
					rs.getObject("finished_at", OffsetDateTime.class)))
			.list();
	}

	private static StripeEvent read(ResultSet rs, int row) throws SQLException {
		return new StripeEvent(rs.getString("id"), rs.getString("type"), rs.getString("status"), rs.getString("source"),
				rs.getString("object_id"), rs.getInt("attempts"), rs.getString("last_error"),
				rs.getObject("stripe_created_at", OffsetDateTime.class),
				rs.getObject("received_at", OffsetDateTime.class), rs.getObject("processed_at", OffsetDateTime.class),
				rs.getObject("next_attempt_at", OffsetDateTime.class));
	}

}
