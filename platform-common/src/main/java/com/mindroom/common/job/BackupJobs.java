package com.mindroom.common.job;

import java.util.UUID;

/**
 * The kinds of job the instance-provisioner's backups run, queued by the admin dashboard:
 * the contract between those services, named in one place.
 */
public final class BackupJobs {

	/**
	 * A backup an admin asked for (payload {@code instance}: the instance's id, dedupe
	 * key {@link #manualKey}; requested by the admin's account).
	 */
	public static final String MANUAL = "backup.manual";

	/**
	 * The condition, on the columns of {@code instances}, of an instance with data to
	 * back up: provisioned and not deleted.
	 */
	public static final String HAS_DATA = "observed_state not in ('pending', 'deleting', 'deleted') "
			+ "and namespace is not null";

	private BackupJobs() {
	}

	/**
	 * The dedupe key of an instance's manual backup: one waits per instance.
	 * @param instanceId the instance
	 * @return the key
	 */
	public static String manualKey(UUID instanceId) {
		return MANUAL + ":" + instanceId;
	}

}
