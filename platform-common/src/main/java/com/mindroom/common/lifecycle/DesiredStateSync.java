package com.mindroom.common.lifecycle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.common.db.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the {@link TenantLifecycle} to instance rows: the one path by which billing,
 * account and customer or admin actions change what should run. A changed desired state
 * bumps the instance's generation and wakes the provisioner (database triggers) and is
 * recorded in {@code instance_events}. A deleted instance is never brought back.
 */
public class DesiredStateSync {

	private static final Logger logger = LoggerFactory.getLogger(DesiredStateSync.class);

	private static final String SELECT = """
			select i.id, i.account_id, i.desired_state, i.desired_reason, i.desired_review_at, i.generation,
			       i.stopped_by_customer, i.suspended_by_admin, i.restore_id,
			       s.status, s.trial_end, s.current_period_end, s.cancel_at_period_end, s.cancel_at,
			       s.past_due_since, s.ended_at, s.canceled_at,
			       a.status as account_status, a.deletion_scheduled_for
			from instances i
			join subscriptions s on s.id = i.subscription_id
			join accounts a on a.id = i.account_id
			where i.desired_state <> 'deleted' and %s
			order by i.id
			%s
			""";

	private final JdbcClient jdbc;

	private final TenantLifecycle lifecycle;

	private final Clock clock;

	public DesiredStateSync(JdbcClient jdbc, TenantLifecycle lifecycle, Clock clock) {
		this.jdbc = jdbc;
		this.lifecycle = lifecycle;
		this.clock = clock;
	}

	/**
	 * Decides what one instance should be doing now, without changing anything (for
	 * entitlement checks).
	 * @param instanceId the instance
	 * @return the decision, or empty when there is no such (undeleted) instance
	 */
	public Optional<LifecycleDecision> decide(UUID instanceId) {
		Instant now = this.clock.instant();
		return this.jdbc.sql(SELECT.formatted("i.id = ?", ""))
			.param(instanceId)
			.query(Row::read)
			.optional()
			.map((row) -> this.lifecycle.decide(row.subscription(), row.account(), row.holds(), now));
	}

	/**
	 * Re-decides one instance.
	 * @param instanceId the instance
	 * @param actor who or what caused the change (for the event history)
	 * @return the changes made (empty when nothing changed)
	 */
	@Transactional
	public List<Change> syncInstance(UUID instanceId, String actor) {
		return sync("i.id = ?", instanceId, actor, "for update of i");
	}

	/**
	 * Re-decides every instance of a subscription.
	 * @param subscriptionId the subscription
	 * @param actor who or what caused the change
	 * @return the changes made
	 */
	@Transactional
	public List<Change> syncSubscription(UUID subscriptionId, String actor) {
		return sync("i.subscription_id = ?", subscriptionId, actor, "for update of i");
	}

	/**
	 * Re-decides every instance of an account.
	 * @param accountId the account
	 * @param actor who or what caused the change
	 * @return the changes made
	 */
	@Transactional
	public List<Change> syncAccount(UUID accountId, String actor) {
		return sync("i.account_id = ?", accountId, actor, "for update of i");
	}

	/**
	 * Re-decides the instances whose decision time alone has changed (trial, grace,
	 * period or retention over).
	 * @param limit the most instances to handle in this call
	 * @return the changes made
	 */
	@Transactional
	public List<Change> syncDue(int limit) {
		return sync("i.desired_review_at <= ?", Timestamps.toDb(this.clock.instant()), "lifecycle",
				"limit " + limit + " for update of i skip locked");
	}

	private List<Change> sync(String condition, Object parameter, String actor, String locking) {
		Instant now = this.clock.instant();
		List<Row> rows = this.jdbc.sql(SELECT.formatted(condition, locking)).param(parameter).query(Row::read).list();
		return rows.stream().map((row) -> apply(row, now, actor)).filter(Objects::nonNull).toList();
	}

	private Change apply(Row row, Instant now, String actor) {
		LifecycleDecision decision = this.lifecycle.decide(row.subscription(), row.account(), row.holds(), now);
		boolean stateChanged = decision.desired() != row.desired();
		if (!stateChanged && Objects.equals(decision.reason(), row.reason())
				&& Objects.equals(decision.reviewAt(), row.reviewAt())) {
			return null;
		}
		this.jdbc.sql("update instances set desired_state = ?, desired_reason = ?, desired_review_at = ? where id = ?")
			.params(decision.desired().dbValue(), decision.reason(), Timestamps.toDb(decision.reviewAt()), row.id())
			.update();
		if (!stateChanged) {
			return null;
		}
		this.jdbc
			.sql("""
					insert into instance_events (instance_id, account_id, kind, from_state, to_state, generation, message, actor)
					values (?, ?, 'desired', ?, ?, ?, ?, ?)
					""")
			.params(row.id(), row.accountId(), row.desired().dbValue(), decision.desired().dbValue(),
					row.generation() + 1, decision.reason(), actor)
			.update();
		logger.info("Instance {} should now be {} (was {}): {}", row.id(), decision.desired().dbValue(),
				row.desired().dbValue(), decision.reason());
		return new Change(row.id(), row.accountId(), row.desired(), decision);
	}

	/**
	 * A change of an instance's desired state.
	 *
	 * @param instanceId the instance
	 * @param accountId the account that owns it
	 * @param from the previous desired state
	 * @param decision the new decision
	 */
	public record Change(UUID instanceId, UUID accountId, DesiredState from, LifecycleDecision decision) {

	}

	private record Row(UUID id, UUID accountId, DesiredState desired, String reason, Instant reviewAt, long generation,
			SubscriptionSnapshot subscription, AccountSnapshot account, InstanceHolds holds) {

		static Row read(ResultSet rs, int rowNum) throws SQLException {
			SubscriptionSnapshot subscription = new SubscriptionSnapshot(
					SubscriptionStatus.fromStripe(rs.getString("status")), Timestamps.read(rs, "trial_end"),
					Timestamps.read(rs, "current_period_end"), rs.getBoolean("cancel_at_period_end"),
					Timestamps.read(rs, "cancel_at"), Timestamps.read(rs, "past_due_since"),
					Timestamps.read(rs, "ended_at"), Timestamps.read(rs, "canceled_at"));
			AccountSnapshot account = new AccountSnapshot(AccountStatus.fromDb(rs.getString("account_status")),
					Timestamps.read(rs, "deletion_scheduled_for"));
			InstanceHolds holds = new InstanceHolds(rs.getBoolean("stopped_by_customer"),
					rs.getBoolean("suspended_by_admin"), rs.getObject("restore_id") != null);
			return new Row(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
					DesiredState.fromDb(rs.getString("desired_state")), rs.getString("desired_reason"),
					Timestamps.read(rs, "desired_review_at"), rs.getLong("generation"), subscription, account, holds);
		}

	}

}
