package com.mindroom.common.instance;

import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.common.db.Timestamps;
import com.mindroom.common.instance.InstanceActionRefusedException.Reason;
import com.mindroom.common.lifecycle.DesiredState;
import com.mindroom.common.lifecycle.DesiredStateSync;
import com.mindroom.common.lifecycle.LifecycleDecision;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The actions customers and admins take on an instance. Each changes rows only (a hold, a
 * request time) and lets {@link DesiredStateSync} decide the desired state; the
 * provisioner does the rest. None touches the cluster. Callers check who may act on which
 * instance; the portal's database role also restricts it to the caller's own.
 */
public class InstanceCommands {

	private static final Logger logger = LoggerFactory.getLogger(InstanceCommands.class);

	private final JdbcClient jdbc;

	private final DesiredStateSync desiredStates;

	private final Clock clock;

	public InstanceCommands(JdbcClient jdbc, DesiredStateSync desiredStates, Clock clock) {
		this.jdbc = jdbc;
		this.desiredStates = desiredStates;
		this.clock = clock;
	}

	/**
	 * Starts an instance the customer had stopped; refused unless its subscription
	 * entitles it to run.
	 * @param instanceId the instance
	 * @param actor who asked
	 * @return the resulting decision
	 */
	@Transactional
	public LifecycleDecision start(UUID instanceId, String actor) {
		requireEntitled(instanceId);
		setHold(instanceId, "stopped_by_customer", false, actor, "Start requested");
		return decision(instanceId);
	}

	@Transactional
	public LifecycleDecision stop(UUID instanceId, String actor) {
		decision(instanceId);
		setHold(instanceId, "stopped_by_customer", true, actor, "Stop requested");
		return decision(instanceId);
	}

	/**
	 * Restarts a running instance (a rollout restart by the provisioner).
	 * @param instanceId the instance
	 * @param actor who asked
	 */
	@Transactional
	public void restart(UUID instanceId, String actor) {
		LifecycleDecision decision = requireEntitled(instanceId);
		if (decision.desired() != DesiredState.RUNNING) {
			throw new InstanceActionRefusedException(Reason.WRONG_STATE,
					"The instance is not running, so it cannot be restarted: " + decision.reason());
		}
		this.jdbc.sql("update instances set restart_requested_at = ? where id = ?")
			.params(Timestamps.toDb(this.clock.instant()), instanceId)
			.update();
		event(instanceId, actor, "Restart requested");
	}

	@Transactional
	public LifecycleDecision suspendByAdmin(UUID instanceId, String actor) {
		decision(instanceId);
		setHold(instanceId, "suspended_by_admin", true, actor, "Suspended by an administrator");
		return decision(instanceId);
	}

	@Transactional
	public LifecycleDecision resumeByAdmin(UUID instanceId, String actor) {
		decision(instanceId);
		setHold(instanceId, "suspended_by_admin", false, actor, "Resumed by an administrator");
		return decision(instanceId);
	}

	/**
	 * Asks the provisioner to reconcile the instance from scratch (render and apply
	 * everything again).
	 * @param instanceId the instance
	 * @param actor who asked
	 */
	@Transactional
	public void reprovision(UUID instanceId, String actor) {
		decision(instanceId);
		this.jdbc.sql("update instances set reprovision_requested_at = ? where id = ?")
			.params(Timestamps.toDb(this.clock.instant()), instanceId)
			.update();
		event(instanceId, actor, "Reprovision requested");
	}

	/**
	 * Makes a failing instance's next reconcile attempt happen now, with a fresh retry
	 * budget.
	 * @param instanceId the instance
	 * @param actor who asked
	 * @return whether the instance was waiting for a retry
	 */
	@Transactional
	public boolean retryNow(UUID instanceId, String actor) {
		int updated = this.jdbc
			.sql("update instances set attempts = 0, next_attempt_at = now() where id = ? and observed_state = 'error'")
			.param(instanceId)
			.update();
		if (updated > 0) {
			event(instanceId, actor, "Retry requested");
		}
		return updated > 0;
	}

	private LifecycleDecision requireEntitled(UUID instanceId) {
		LifecycleDecision decision = decision(instanceId);
		if (!decision.entitled()) {
			throw new InstanceActionRefusedException(Reason.NOT_ENTITLED, decision.reason());
		}
		return decision;
	}

	private LifecycleDecision decision(UUID instanceId) {
		return this.desiredStates.decide(instanceId)
			.orElseThrow(() -> new InstanceActionRefusedException(Reason.NOT_FOUND, "No such instance"));
	}

	private void setHold(UUID instanceId, String column, boolean value, String actor, String message) {
		this.jdbc.sql("update instances set " + column + " = ? where id = ?").params(value, instanceId).update();
		event(instanceId, actor, message);
		this.desiredStates.syncInstance(instanceId, actor);
	}

	private void event(UUID instanceId, String actor, String message) {
		this.jdbc.sql("""
				insert into instance_events (instance_id, account_id, kind, generation, message, actor)
				select id, account_id, 'action', generation, ?, ? from instances where id = ?
				""").params(message, actor, instanceId).update();
		logger.info("Instance {}: {} by {}", instanceId, message, actor);
	}

}
