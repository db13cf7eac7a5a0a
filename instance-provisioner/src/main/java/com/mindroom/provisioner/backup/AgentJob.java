package com.mindroom.provisioner.backup;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * One run of the backup agent as a Kubernetes Job.
 *
 * @param namespace where it runs (the tenant's namespace, or a drill's scratch namespace)
 * @param name the Job's name (also its Secret's)
 * @param restore whether it restores (otherwise it backs up)
 * @param instanceId the instance whose data it handles
 * @param slug the instance's slug, whose pods it runs beside (their volumes attach to one
 * node); {@code null} when there are none to sit beside (a restore of a stopped instance,
 * a drill)
 * @param key the archive's key
 * @param sha256 the archive's recorded SHA-256 (restores only)
 * @param volumes the volumes it reads or writes
 * @param passphrase the instance's backup passphrase (only ever in the Job's Secret)
 * @param deadline how long it may run
 */
public record AgentJob(String namespace, String name, boolean restore, UUID instanceId, String slug, String key,
		String sha256, List<Volume> volumes, String passphrase, Duration deadline) {

	/** The instance chart's data volumes, in archive order. */
	public static final List<String> DATA_VOLUMES = List.of("mindroom-data", "matrix-data");

	/**
	 * The data volumes as a Job mounts them.
	 * @param scratch whether into empty scratch directories (a drill) instead of the
	 * instance's claims of the same names
	 * @return the volumes
	 */
	public static List<Volume> dataVolumes(boolean scratch) {
		return DATA_VOLUMES.stream().map((volume) -> new Volume(volume, scratch ? null : volume)).toList();
	}

	/**
	 * A volume of the Job.
	 *
	 * @param name its name in the archive
	 * @param claim the PersistentVolumeClaim to mount, or {@code null} for an empty
	 * scratch directory (a drill)
	 */
	public record Volume(String name, String claim) {

	}

	@Override
	public String toString() {
		return "AgentJob[" + this.namespace + "/" + this.name + "]";
	}

}
