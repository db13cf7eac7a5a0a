package com.mindroom.provisioner.reconcile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import com.mindroom.common.db.Timestamps;
import com.mindroom.common.instance.InstanceProperties;
import com.mindroom.common.lifecycle.DesiredState;
import com.mindroom.common.lifecycle.ObservedState;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The instances table as the reconcile work queue. Due instances are claimed with
 * {@code FOR UPDATE SKIP LOCKED} under a lease ({@code claimed_by},
 * {@code claimed_until}), so replicas share the work, never handle one instance twice at
 * once, and take over a crashed replica's instances when its lease runs out. Only the
 * observed side of a row is written here; the desired state belongs to
 * {@code DesiredStateSync}. Queue timing (due times, leases) uses the database's clock,
 * as the triggers that wake the queue do.
 */
public class ReconcileQueue {

	private static final Logger logger = LoggerFactory.getLogger(ReconcileQueue.class);

	private static final String RELEASE = """
			next_attempt_at = case when generation = :generation then now() + make_interval(secs => :delay)
			                       else now() end,
			claimed_by = null, claimed_until = null
			""";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final InstanceEvents events;

	private final InstanceProperties instances;

	private final JsonMapper json;

	public ReconcileQueue(JdbcClient jdbc, TransactionTemplate transactions, InstanceEvents events,
			InstanceProperties instances, JsonMapper json) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.instances = instances;
		this.json = json;
	}

	/**
	 * Claims due instances that no live replica holds, those with a rollout in progress
	 * first: checking one is cheap (it reads the watched cache), and a backlog of new
	 * work (a burst of sign-ups, a chart upgrade reaching every tenant) must not keep an
	 * instance whose workloads are ready from being recorded as running until the whole
	 * backlog is applied. Otherwise the instance due longest comes first.
	 * @param replica this replica's id
	 * @param limit the most instances to claim
	 * @param lease how long the claim holds unless renewed
	 * @return the claimed instances
	 */
	List<Claim> claim(String replica, int limit, Duration lease) {
		String scheme = this.instances.scheme() + "://";
		return this.jdbc.sql("""
				with due as (
				    select id from instances
				    where next_attempt_at <= now() and (claimed_until is null or claimed_until < now())
				      and (desired_state <> 'deleted' or observed_state <> 'deleted')
				    order by rollout_started_at is null, next_attempt_at
				    limit :limit
				    for update skip locked
				)
				update instances i
				set claimed_by = :replica, claimed_until = now() + make_interval(secs => :lease),
				    namespace = coalesce(i.namespace, 'mindroom-' || i.slug),
				    url = coalesce(i.url, :scheme || i.slug || :domain),
				    matrix_url = coalesce(i.matrix_url, :scheme || i.slug || :matrixDomain)
				from due where i.id = due.id
				returning i.*, now() as db_now
				""")
			.param("limit", limit)
			.param("replica", replica)
			.param("lease", seconds(lease))
			.param("scheme", scheme)
			.param("domain", "." + this.instances.baseDomain())
			.param("matrixDomain", "-matrix." + this.instances.baseDomain())
			.query(this::claimOf)
			.list();
	}

	/**
	 * Extends the leases of the instances this replica is working on.
	 * @param replica this replica's id
	 * @param ids the instances in progress
	 * @param lease the new lease from now
	 */
	void renew(String replica, Collection<UUID> ids, Duration lease) {
		if (!ids.isEmpty()) {
			this.jdbc
				.sql("update instances set claimed_until = now() + make_interval(secs => ?) "
						+ "where claimed_by = ? and id = any(?)")
				.params(seconds(lease), replica, ids.toArray(UUID[]::new))
				.update();
		}
	}

	/**
	 * Makes instances due now (a watched object changed); wakes the replicas through the
	 * {@code instance_changed} trigger.
	 * @param ids the instances
	 */
	public void wake(Collection<UUID> ids) {
		if (!ids.isEmpty()) {
			this.jdbc.sql("update instances set next_attempt_at = now() where id = any(?) and next_attempt_at > now()")
				.param(ids.toArray(UUID[]::new))
				.update();
		}
	}

	/**
	 * Sets the transitional state a pass works in, recording the transition.
	 * @param claim the claimed instance
	 * @param state the transitional state
	 * @param message what is happening
	 * @return whether the state changed
	 */
	boolean begin(Claim claim, ObservedState state, String message) {
		return Boolean.TRUE.equals(this.transactions.execute((status) -> this.jdbc
			.sql("""
					with old as (select observed_state as previous from instances where id = :id and claimed_by = :replica for update)
					update instances i set observed_state = :state from old
					where i.id = :id and i.claimed_by = :replica and i.observed_state <> :state
					returning old.previous
					""")
			.param("id", claim.id())
			.param("replica", claim.claimedBy())
			.param("state", state.dbValue())
			.query(String.class)
			.optional()
			.map((old) -> {
				this.events.observed(claim.id(), old, state.dbValue(), claim.generation(), message);
				return true;
			})
			.orElse(false)));
	}

	/**
	 * Records what a pass applied.
	 * @param claim the claimed instance
	 * @param applied the chart, values and objects applied
	 */
	void recordApplied(Claim claim, Applied applied) {
		this.jdbc.sql("""
				update instances set applied_generation = :generation, chart_version = :chart, values_hash = :hash,
				    helm_release = :release, applied_objects = cast(:objects as jsonb), rollout_started_at = now(),
				    last_error = null,
				    reprovisioned_at = case when :reprovisioned then cast(:reprovisionAt as timestamptz)
				                            else reprovisioned_at end,
				    restarted_at = cast(:restartAt as timestamptz)
				where id = :id and claimed_by = :replica
				""")
			.param("generation", claim.generation())
			.param("chart", applied.chartVersion())
			.param("hash", applied.valuesHash())
			.param("release", applied.release())
			.param("objects", this.json.writeValueAsString(applied.inventory().items()))
			.param("reprovisioned", applied.reprovisioned())
			.param("reprovisionAt", Timestamps.toDb(claim.reprovisionRequestedAt()))
			.param("restartAt", Timestamps.toDb(claim.restartRequestedAt()))
			.param("id", claim.id())
			.param("replica", claim.claimedBy())
			.update();
	}

	/**
	 * Ends a pass that reached the desired state.
	 * @param claim the claimed instance
	 * @param settled the state reached and the message for the customer
	 * @param resync when to check the instance again
	 */
	void settle(Claim claim, Outcome.Settled settled, Duration resync) {
		this.transactions.executeWithoutResult((status) -> release(claim, """
				observed_state = :state, observed_generation = :generation, observed_at = now(), last_error = null,
				attempts = 0, rollout_started_at = null,
				""", Map.of("state", settled.state().dbValue()), resync)
			.filter((old) -> !old.equals(settled.state().dbValue()))
			.ifPresent((old) -> this.events.observed(claim.id(), old, settled.state().dbValue(), claim.generation(),
					settled.message())));
	}

	void unchanged(Claim claim, Duration resync) {
		release(claim, "observed_at = now(),", Map.of(), resync);
	}

	void waiting(Claim claim, ObservedState state, Duration poll) {
		release(claim, "observed_state = :state,", Map.of("state", state.dbValue()), poll);
	}

	/**
	 * Ends a failed pass: one more attempt counted, and {@code error} once the attempts
	 * are used up (still retried, slowly).
	 * @param claim the claimed instance
	 * @param reason the readable reason
	 * @param failure how the failure counts
	 */
	void fail(Claim claim, String reason, Failure failure) {
		this.transactions.executeWithoutResult((status) -> {
			Optional<String> old = release(claim, """
					attempts = case when generation = :generation then attempts + 1 else attempts end,
					last_error = :reason,
					observed_state = case when generation = :generation and :exhausted then 'error'
					                      else observed_state end,
					""", Map.of("reason", reason, "exhausted", failure.exhausted()), failure.retryIn());
			if (old.isPresent()) {
				this.events.error(claim.id(), claim.generation(), failure.message());
				if (failure.exhausted() && !"error".equals(old.get())) {
					this.events.observed(claim.id(), old.get(), "error", claim.generation(), failure.errorMessage());
				}
			}
		});
	}

	private Optional<String> release(Claim claim, String set, Map<String, Object> values, Duration delay) {
		String sql = """
				with old as (select observed_state as previous from instances where id = :id and claimed_by = :replica for update)
				update instances i set %s %s
				from old where i.id = :id and i.claimed_by = :replica
				returning old.previous
				"""
			.formatted(set, RELEASE);
		Optional<String> old = this.jdbc.sql(sql)
			.param("id", claim.id())
			.param("replica", claim.claimedBy())
			.param("generation", claim.generation())
			.param("delay", seconds(delay))
			.params(values)
			.query(String.class)
			.optional();
		if (old.isEmpty()) {
			logger.warn("Instance {}: the claim of {} was lost before the pass ended; another replica took over",
					claim.id(), claim.claimedBy());
		}
		return old;
	}

	private Claim claimOf(ResultSet rs, int row) throws SQLException {
		String objects = rs.getString("applied_objects");
		Inventory inventory = (objects != null)
				? new Inventory(List.of(this.json.readValue(objects, Inventory.Item[].class))) : null;
		return new Claim(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class), rs.getString("slug"),
				rs.getString("plan"), DesiredState.fromDb(rs.getString("desired_state")), rs.getLong("generation"),
				ObservedState.fromDb(rs.getString("observed_state")), rs.getLong("observed_generation"),
				rs.getInt("attempts"), rs.getString("last_error"), rs.getString("namespace"), rs.getString("url"),
				rs.getString("matrix_url"), rs.getString("chart_version"), rs.getString("values_hash"),
				rs.getLong("applied_generation"), inventory, Timestamps.read(rs, "rollout_started_at"),
				Timestamps.read(rs, "restart_requested_at"), Timestamps.read(rs, "reprovision_requested_at"),
				Timestamps.read(rs, "reprovisioned_at"), Timestamps.read(rs, "restarted_at"),
				rs.getString("claimed_by"), Timestamps.read(rs, "db_now"));
	}

	private static double seconds(Duration duration) {
		return duration.toMillis() / 1000.0;
	}

}
