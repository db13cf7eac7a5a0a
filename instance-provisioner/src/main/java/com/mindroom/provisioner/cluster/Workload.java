package com.mindroom.provisioner.cluster;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;

/**
 * The rollout state of one Deployment or StatefulSet, read from its status as a
 * Kubernetes controller reports it.
 *
 * @param kind the workload's kind
 * @param name its name
 * @param desired the replicas it should have
 * @param ready the replicas that are ready
 * @param updated the replicas running the current pod template
 * @param current the replicas that exist (old and new)
 * @param observed whether the controller has seen the latest spec
 */
public record Workload(String kind, String name, int desired, int ready, int updated, int current, boolean observed) {

	public static Workload of(Deployment deployment) {
		DeploymentStatus status = (deployment.getStatus() != null) ? deployment.getStatus() : new DeploymentStatus();
		return new Workload("Deployment", deployment.getMetadata().getName(),
				orDefault(deployment.getSpec().getReplicas(), 1), orDefault(status.getReadyReplicas(), 0),
				orDefault(status.getUpdatedReplicas(), 0), orDefault(status.getReplicas(), 0),
				observed(deployment.getMetadata().getGeneration(), status.getObservedGeneration()));
	}

	public static Workload of(StatefulSet statefulSet) {
		StatefulSetStatus status = (statefulSet.getStatus() != null) ? statefulSet.getStatus()
				: new StatefulSetStatus();
		return new Workload("StatefulSet", statefulSet.getMetadata().getName(),
				orDefault(statefulSet.getSpec().getReplicas(), 1), orDefault(status.getReadyReplicas(), 0),
				orDefault(status.getUpdatedReplicas(), 0), orDefault(status.getReplicas(), 0),
				observed(statefulSet.getMetadata().getGeneration(), status.getObservedGeneration()));
	}

	/**
	 * Whether the workload has reached its spec: every desired replica updated and ready,
	 * and no old replica left (so a scale to zero is done when none is left).
	 * @return whether the rollout is complete
	 */
	public boolean settled() {
		return this.observed && this.ready >= this.desired && this.updated >= this.desired
				&& this.current <= this.desired;
	}

	private static boolean observed(Long generation, Long observedGeneration) {
		return generation == null || (observedGeneration != null && observedGeneration >= generation);
	}

	private static int orDefault(Integer value, int fallback) {
		return (value != null) ? value : fallback;
	}

}
