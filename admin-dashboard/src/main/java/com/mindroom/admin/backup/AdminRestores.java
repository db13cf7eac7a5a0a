package com.mindroom.admin.backup;

import java.util.UUID;

import com.mindroom.admin.access.AuditedActions;
import com.mindroom.admin.access.Caller;
import com.mindroom.common.audit.AuditEntry;
import com.mindroom.common.backup.RestoreRequests;
import com.mindroom.common.web.Problems;

import org.springframework.stereotype.Component;

/**
 * The admin's restore of an instance from one of its backups: confirmed by typing the
 * instance's name, asked for through {@link RestoreRequests} (the provisioner suspends
 * the instance, restores the data and resumes it), and audited whether it is accepted or
 * not.
 */
@Component
class AdminRestores {

	private final RestoreRequests requests;

	private final AuditedActions actions;

	private final InstanceBackups instances;

	AdminRestores(RestoreRequests requests, AuditedActions actions, InstanceBackups instances) {
		this.requests = requests;
		this.actions = actions;
		this.instances = instances;
	}

	/**
	 * Asks for a restore.
	 * @param caller the admin
	 * @param instanceId the instance
	 * @param backupId the chosen backup
	 * @param confirmation what the admin typed to confirm: the instance's name
	 * @return the restore's id
	 */
	UUID restore(Caller caller, UUID instanceId, UUID backupId, String confirmation) {
		InstanceBackups.Target target = this.instances.target(instanceId);
		AuditEntry entry = caller.audit("instance.restore")
			.withTarget("instance", instanceId)
			.withAccount(target.accountId())
			.withDetail("backup", String.valueOf(backupId));
		return this.actions.run(entry, () -> {
			if (backupId == null) {
				throw Problems.badRequest("Choose the backup to restore.");
			}
			if (!target.slug().equals(confirmation.trim())) {
				throw Problems.badRequest("Type the instance's name, " + target.slug() + ", to confirm the restore.");
			}
			return this.requests.request(instanceId, backupId, caller.accountId(), caller.label());
		}, (done, restore) -> done.withDetail("restore", restore.toString()));
	}

}
