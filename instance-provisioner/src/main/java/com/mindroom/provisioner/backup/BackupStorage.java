package com.mindroom.provisioner.backup;

/**
 * The object store backups go to, or why there is none: a bucket when one is configured;
 * on the simulated cluster without one, a local directory; on a real cluster without one,
 * none (no backup is taken, and the provisioner warns at start).
 *
 * @param store the store, or {@code null}
 * @param description where backups go, or why they cannot be taken
 */
public record BackupStorage(ObjectStore store, String description) {

	public boolean available() {
		return this.store != null;
	}

}
