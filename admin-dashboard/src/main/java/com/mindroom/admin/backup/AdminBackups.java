package com.mindroom.admin.backup;

import java.util.Map;
import java.util.UUID;

import com.mindroom.admin.access.AuditedActions;
import com.mindroom.admin.access.Caller;
import com.mindroom.common.audit.AuditEntry;
import com.mindroom.common.job.BackupJobs;
import com.mindroom.common.job.JobQueue;
import com.mindroom.common.web.Problems;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The admin's "Back up now" of an instance: queues a {@link BackupJobs#MANUAL} job for
 * the provisioner (a second request while one waits joins it), refused for an instance
 * with no data to back up, and audited whether it is accepted or not.
 */
@Component
class AdminBackups {

	private final JobQueue jobs;

	private final AuditedActions actions;

	private final JdbcClient jdbc;

	AdminBackups(JobQueue jobs, AuditedActions actions, JdbcClient jdbc) {
		this.jobs = jobs;
		this.actions = actions;
		this.jdbc = jdbc;
	}

	/**
	 * Asks for a backup of an instance now.
	 * @param caller the admin
	 * @param instanceId the instance
	 * @return the id of the queued (or joined) job
	 */
	UUID backUp(Caller caller, UUID instanceId) {
		Target target = this.jdbc
			.sql("select account_id, (%s) as has_data from instances where id = ?".formatted(BackupJobs.HAS_DATA))
			.param(instanceId)
			.query((rs, row) -> new Target(rs.getObject("account_id", UUID.class), rs.getBoolean("has_data")))
			.optional()
			.orElseThrow(() -> Problems.notFound("No such instance."));
		AuditEntry entry = caller.audit("instance.backup")
			.withTarget("instance", instanceId)
			.withAccount(target.accountId());
		return this.actions.run(entry, () -> {
			if (!target.hasData()) {
				throw Problems.conflict("This instance has no data to back up (not provisioned, or deleted).");
			}
			return this.jobs.enqueue(BackupJobs.MANUAL, Map.of("instance", instanceId.toString()),
					BackupJobs.manualKey(instanceId), caller.accountId());
		}, (done, job) -> done.withDetail("job", job.toString()));
	}

	private record Target(UUID accountId, boolean hasData) {

	}

}
