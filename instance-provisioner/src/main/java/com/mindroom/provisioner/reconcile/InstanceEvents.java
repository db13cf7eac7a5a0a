package com.mindroom.provisioner.reconcile;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes what the provisioner does to {@code instance_events}, which the customer portal
 * streams as live progress and admins read as history: its reconciles, health checks,
 * backups and restores. Messages are for people ("Creating namespace mindroom-acme"),
 * never carry secrets, and each is committed at once so progress shows while a pass is
 * still running.
 */
public class InstanceEvents {

	private static final Logger logger = LoggerFactory.getLogger(InstanceEvents.class);

	static final String ACTOR = "instance-provisioner";

	private final JdbcClient jdbc;

	public InstanceEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a step of the work; the same message right after itself is not repeated.
	 * @param instanceId the instance
	 * @param generation the generation worked on
	 * @param message what is happening
	 */
	public void progress(UUID instanceId, long generation, String message) {
		this.jdbc.sql("""
				insert into instance_events (instance_id, account_id, kind, generation, message, actor)
				select i.id, i.account_id, 'progress', ?, ?, ? from instances i
				where i.id = ? and not exists (
				    select 1 from (select kind, message from instance_events where instance_id = i.id
				                   order by id desc limit 1) last
				    where last.kind = 'progress' and last.message = ?)
				""").params(generation, message, ACTOR, instanceId, message).update();
	}

	public void observed(UUID instanceId, String from, String to, long generation, String message) {
		insert(instanceId, "observed", from, to, generation, message);
		logger.info("Instance {} is {} (was {}): {}", instanceId, to, from, message);
	}

	public void error(UUID instanceId, long generation, String message) {
		insert(instanceId, "error", null, null, generation, message);
	}

	public void health(UUID instanceId, String from, String to, String message) {
		insert(instanceId, "health", from, to, null, message);
	}

	/**
	 * Records what happened to the instance's backups, at its current generation.
	 * @param instanceId the instance
	 * @param message what happened
	 */
	public void backup(UUID instanceId, String message) {
		data(instanceId, "backup", message);
	}

	/**
	 * Records a step of a restore of the instance's data, at its current generation.
	 * @param instanceId the instance
	 * @param message what happened
	 */
	public void restore(UUID instanceId, String message) {
		data(instanceId, "restore", message);
	}

	private void data(UUID instanceId, String kind, String message) {
		this.jdbc.sql("""
				insert into instance_events (instance_id, account_id, kind, generation, message, actor)
				select id, account_id, ?, generation, ?, ? from instances where id = ?
				""").params(kind, message, ACTOR, instanceId).update();
	}

	private void insert(UUID instanceId, String kind, String from, String to, Long generation, String message) {
		this.jdbc
			.sql("""
					insert into instance_events (instance_id, account_id, kind, from_state, to_state, generation, message, actor)
					select id, account_id, ?, ?, ?, ?, ?, ? from instances where id = ?
					""")
			.params(kind, from, to, generation, message, ACTOR, instanceId)
			.update();
	}

}
