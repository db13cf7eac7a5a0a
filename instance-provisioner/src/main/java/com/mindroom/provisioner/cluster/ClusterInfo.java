package com.mindroom.provisioner.cluster;

/**
 * Which cluster the provisioner drives, for labels, messages and the "simulated cluster"
 * badge ({@code mindroom.cluster.simulated}).
 *
 * @param mode where the cluster comes from
 * @param apiServer the API server's URL
 */
public record ClusterInfo(ClusterMode mode, String apiServer) {

	public boolean simulated() {
		return this.mode == ClusterMode.SIMULATED;
	}

}
