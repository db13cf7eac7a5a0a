package com.mindroom.provisioner.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.mindroom.common.lifecycle.DesiredState;
import com.mindroom.common.lifecycle.ObservedState;
import com.mindroom.provisioner.cluster.ClusterInfo;
import com.mindroom.provisioner.cluster.TenantCluster;
import com.mindroom.provisioner.cluster.Workload;

/**
 * Reads whether an instance's workloads have reached their spec (ready, or stopped when
 * suspended), reports the count as progress, and turns a rollout that takes longer than
 * allowed into a failure, so no instance stays {@code provisioning} forever.
 */
class Readiness {

	private final TenantCluster cluster;

	private final Progress progress;

	private final ClusterInfo clusterInfo;

	private final Duration timeout;

	Readiness(TenantCluster cluster, Progress progress, ClusterInfo clusterInfo, Duration timeout) {
		this.cluster = cluster;
		this.progress = progress;
		this.clusterInfo = clusterInfo;
		this.timeout = timeout;
	}

	Outcome check(Claim claim, Inventory inventory, Instant rolloutStartedAt) {
		boolean running = claim.desired() == DesiredState.RUNNING;
		List<Workload> workloads = this.cluster.workloads(claim.tenant(), inventory.kinds());
		long expected = inventory.workloads();
		long settled = workloads.stream().filter(Workload::settled).count();
		if (settled >= expected && workloads.size() >= expected) {
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

}
