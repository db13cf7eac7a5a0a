package com.mindroom.provisioner.restore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import com.mindroom.common.db.Timestamps;
import com.mindroom.provisioner.backup.BackupTarget;

/**
 * A restore or drill in progress, with its backup and its instance as they are now.
 *
 * @param id the restore
 * @param drill whether it is a drill
 * @param phase where it is
 * @param jobName its agent Job, once started
 * @param namespace where its Job runs
 * @param overdue whether its deadline has passed
 * @param settledIn whether its Job has had time to appear
 * @param key the backup's archive
 * @param sha256 the backup's recorded SHA-256
 * @param backupTime when the backup was taken
 * @param instance the instance
 * @param desiredState what the instance should be doing
 * @param settled whether the provisioner has reached the instance's desired state
 * @param observedState what the instance is doing
 */
record ActiveRestore(UUID id, boolean drill, String phase, String jobName, String namespace, boolean overdue,
		boolean settledIn, String key, String sha256, Instant backupTime, BackupTarget instance, String desiredState,
		boolean settled, String observedState) {

	static final String QUERY = """
			select r.id as restore_id, r.kind, r.phase, r.job_name, r.namespace as job_namespace,
			    coalesce(r.deadline_at < now(), false) as overdue,
			    coalesce(r.started_at < now() - interval '2 minutes', false) as settled_in,
			    b.object_key, b.checksum_sha256, b.finished_at as backup_time,
			    i.id, i.account_id, i.slug, i.plan, i.namespace, i.desired_state, i.observed_state,
			    i.observed_generation = i.generation as settled
			from restores r join backups b on b.id = r.backup_id join instances i on i.id = r.instance_id
			where r.status in ('pending', 'running')
			order by r.created_at
			""";

	static ActiveRestore read(ResultSet rs, int row) throws SQLException {
		return new ActiveRestore(rs.getObject("restore_id", UUID.class), "drill".equals(rs.getString("kind")),
				rs.getString("phase"), rs.getString("job_name"), rs.getString("job_namespace"),
				rs.getBoolean("overdue"), rs.getBoolean("settled_in"), rs.getString("object_key"),
				rs.getString("checksum_sha256"), Timestamps.read(rs, "backup_time"), BackupTarget.read(rs, row),
				rs.getString("desired_state"), rs.getBoolean("settled"), rs.getString("observed_state"));
	}

	boolean instanceDeleted() {
		return "deleted".equals(this.desiredState);
	}

	boolean instanceSuspended() {
		return this.settled && "suspended".equals(this.observedState) && "suspended".equals(this.desiredState);
	}

	boolean instanceSettled() {
		return this.settled && !"provisioning".equals(this.observedState) && !"suspending".equals(this.observedState)
				&& !"pending".equals(this.observedState) && !"error".equals(this.observedState);
	}

}
