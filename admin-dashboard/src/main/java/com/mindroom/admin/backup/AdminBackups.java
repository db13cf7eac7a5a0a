package com.mindroom.admin.backup;

import java.util.Map;
import java.util.UUID;

import com.mindroom.admin.access.AuditedActions;
import com.mindroom.admin.access.Caller;
import com.mindroom.common.audit.AuditEntry;
import com.mindroom.common.job.BackupJobs;
import com.mindroom.common.job.JobQueue;
import com.mindroom.common.web.Problems;

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

	private final InstanceBackups instances;

	AdminBackups(JobQueue jobs, AuditedActions actions, InstanceBackups instances) {
		this.jobs = jobs;
		this.actions = actions;
		this.instances = instances;
	}

	/**
	 * Asks for a backup of an instance now.
	 * @param caller the admin
	 * @param instanceId the instance
	 * @return the id of the queued (or joined) job
	 */
	UUID backUp(Caller caller, UUID instanceId) {
		InstanceBackups.Target target = this.instances.target(instanceId);
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

}
