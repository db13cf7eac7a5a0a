package com.mindroom.provisioner.backup;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes what happens to an instance's backups and restores into its history
 * ({@code instance_events} of kind {@code backup} or {@code restore}), which the portal
 * and the admin dashboard show.
 */
public class DataEvents {

	static final String ACTOR = "instance-provisioner";

	private final JdbcClient jdbc;

	public DataEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void backup(UUID instanceId, String message) {
		insert(instanceId, "backup", message);
	}

	public void restore(UUID instanceId, String message) {
		insert(instanceId, "restore", message);
	}

	private void insert(UUID instanceId, String kind, String message) {
		this.jdbc.sql("""
				insert into instance_events (instance_id, account_id, kind, generation, message, actor)
				select id, account_id, ?, generation, ?, ? from instances where id = ?
				""").params(kind, message, ACTOR, instanceId).update();
	}

}
