package com.mindroom.provisioner.reconcile;

import java.time.Duration;
import java.time.Instant;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

import com.mindroom.common.lifecycle.DesiredState;
import com.mindroom.common.lifecycle.ObservedState;
import com.mindroom.provisioner.cluster.ClusterInfo;
import com.mindroom.provisioner.cluster.ClusterCache;
import com.mindroom.provisioner.cluster.OwnedKinds;
import com.mindroom.provisioner.cluster.Workload;

/**
 * Reads from the watched cluster cache whether an instance's workloads have reached the
 * spec that was applied (their status reports that generation, with the replicas ready,
 * or stopped when suspended), reports the count as progress, and turns a rollout that
 * takes longer than allowed into a failure, so no instance stays {@code provisioning}
 * forever. A workload whose change the cache has not seen yet counts as not ready.
 */
class Readiness {

	private final ClusterCache cache;

	private final Progress progress;

	private final ClusterInfo clusterInfo;

	private final Duration timeout;

	Readiness(ClusterCache cache, Progress progress, ClusterInfo clusterInfo, Duration timeout) {
		this.cache = cache;
		this.progress = progress;
		this.clusterInfo = clusterInfo;
		this.timeout = timeout;
	}

	Outcome check(Claim claim, Inventory inventory, Instant rolloutStartedAt) {
		boolean running = claim.desired() == DesiredState.RUNNING;
		long expected = inventory.workloads();
		long settled = inventory.items()
			.stream()
			.filter(Inventory.Item::workload)
			.filter((item) -> rolledOut(claim.namespace(), item))
			.count();
		if (settled >= expected) {
			return running
					? new Outcome.Settled(ObservedState.RUNNING,
							"MindRoom is running at " + claim.url()
									+ (this.clusterInfo.simulated() ? " (simulated cluster)" : ""))
					: new Outcome.Settled(ObservedState.SUSPENDED, "MindRoom is suspended; its data is kept");
		}
		String count = "(" + settled + "/" + expected + (running ? " ready)" : " stopped)");
		Instant started = (rolloutStartedAt != null) ? rolloutStartedAt : claim.now();
		if (started.plus(this.timeout).isBefore(claim.now())) {
			throw new RolloutTimeoutException(
					(running ? "MindRoom did not become ready within " : "MindRoom did not stop within ")
							+ Backoff.readable(this.timeout) + " " + count);
		}
		this.progress.step(claim,
				(running ? "Waiting for MindRoom to become ready " : "Waiting for MindRoom to stop ") + count);
		return new Outcome.Waiting(running ? ObservedState.PROVISIONING : ObservedState.SUSPENDING);
	}

	private boolean rolledOut(String namespace, Inventory.Item item) {
		HasMetadata live = this.cache.find(OwnedKinds.byKind(item.kind()), namespace, item.name());
		Workload workload = (live instanceof Deployment deployment) ? Workload.of(deployment)
				: (live instanceof StatefulSet statefulSet) ? Workload.of(statefulSet) : null;
		Long generation = (live != null) ? live.getMetadata().getGeneration() : null;
		boolean current = item.generation() == null || (generation != null && generation >= item.generation());
		return workload != null && current && workload.settled();
	}

}
