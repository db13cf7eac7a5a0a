package com.mindroom.common.backup;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.common.db.Timestamps;
import com.mindroom.common.instance.InstanceActionRefusedException;
import com.mindroom.common.instance.InstanceActionRefusedException.Reason;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks for a restore of an instance from one of its backups: a {@code restores} row the
 * provisioner picks up and carries out through the lifecycle (suspend, restore the data,
 * resume), reporting progress in {@code instance_events}. Nothing here touches the
 * cluster. Callers decide who may ask (admins always, customers on paid plans); under the
 * portal's role, Row Level Security keeps it to the caller's own instances.
 */
public class RestoreRequests {

	private static final Logger logger = LoggerFactory.getLogger(RestoreRequests.class);

	private final JdbcClient jdbc;

	public RestoreRequests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Asks for a restore.
	 * @param instanceId the instance
	 * @param backupId the backup to restore (a successful, unexpired backup of the
	 * instance)
	 * @param requestedBy the account asking
	 * @param actor how the asker is named in the instance's history
	 * @return the restore's id
	 * @throws InstanceActionRefusedException when there is no such instance or backup,
	 * the instance is being deleted, or a restore of it is already under way
	 */
	@Transactional
	public UUID request(UUID instanceId, UUID backupId, UUID requestedBy, String actor) {
		UUID accountId = requireRestorable(instanceId);
		Instant backupTime = this.jdbc.sql("""
				select finished_at from backups
				where id = ? and instance_id = ? and status = 'succeeded' and expired_at is null
				""")
			.params(backupId, instanceId)
			.query((rs, row) -> Timestamps.read(rs, "finished_at"))
			.optional()
			.orElseThrow(() -> new InstanceActionRefusedException(Reason.NOT_FOUND,
					"No such backup of this instance (it may have expired)"));
		UUID restoreId = insert(instanceId, accountId, backupId, requestedBy, actor)
			.orElseThrow(() -> new InstanceActionRefusedException(Reason.WRONG_STATE,
					"A restore of this instance is already under way"));
		this.jdbc.sql("""
				insert into instance_events (instance_id, account_id, kind, message, actor)
				values (?, ?, 'restore', ?, ?)
				""")
			.params(instanceId, accountId,
					"Restore from the backup of " + Timestamps.readable(backupTime) + " requested", actor)
			.update();
		logger.info("Restore {} of instance {} from backup {} requested by {}", restoreId, instanceId, backupId, actor);
		return restoreId;
	}

	private UUID requireRestorable(UUID instanceId) {
		return this.jdbc.sql("select account_id, desired_state from instances where id = ?")
			.param(instanceId)
			.query((rs, row) -> {
				if ("deleted".equals(rs.getString("desired_state"))) {
					throw new InstanceActionRefusedException(Reason.WRONG_STATE,
							"The instance is being deleted, so it cannot be restored");
				}
				return rs.getObject("account_id", UUID.class);
			})
			.optional()
			.orElseThrow(() -> new InstanceActionRefusedException(Reason.NOT_FOUND, "No such instance"));
	}

	private Optional<UUID> insert(UUID instanceId, UUID accountId, UUID backupId, UUID requestedBy, String actor) {
		return this.jdbc.sql("""
				insert into restores (instance_id, account_id, backup_id, kind, status, phase, requested_by, actor)
				values (?, ?, ?, 'restore', 'pending', 'queued', ?, ?)
				on conflict (instance_id) where kind = 'restore' and status in ('pending', 'running') do nothing
				returning id
				""").params(instanceId, accountId, backupId, requestedBy, actor).query(UUID.class).optional();
	}

}
