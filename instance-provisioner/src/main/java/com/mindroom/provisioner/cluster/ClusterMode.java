package com.mindroom.provisioner.cluster;

/**
 * Where the provisioner's cluster comes from.
 */
public enum ClusterMode {

	/** The embedded simulated cluster (fabric8 mock server), for local runs and demos. */
	SIMULATED,

	/** A real cluster named by a kubeconfig file ({@code KUBECONFIG}). */
	KUBECONFIG,

	/** The cluster the provisioner runs in, through its service account. */
	IN_CLUSTER

}
