package com.mindroom.provisioner.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mindroom.provisioner.cluster.Workload;

/**
 * One health check's result: {@code up} when every workload has its replicas ready and
 * the health endpoint (when reachable) agrees, {@code down} when nothing is ready,
 * otherwise {@code degraded}, with a readable reason.
 *
 * @param status {@code up}, {@code degraded} or {@code down}
 * @param reason why it is not up, or {@code null}
 */
record InstanceHealth(String status, String reason) {

	static final String UP = "up";

	static final String DEGRADED = "degraded";

	static final String DOWN = "down";

	static InstanceHealth of(List<Workload> workloads, Optional<InstanceProbe.HttpHealth> http) {
		if (workloads.isEmpty()) {
			return new InstanceHealth(DOWN, "no workloads found in its namespace");
		}
		List<String> problems = new ArrayList<>();
		workloads.stream()
			.filter((workload) -> workload.ready() < workload.desired())
			.forEach((workload) -> problems
				.add(workload.name() + " has " + workload.ready() + "/" + workload.desired() + " ready"));
		http.filter((answer) -> !answer.up()).ifPresent((answer) -> problems.add(answer.reason()));
		if (problems.isEmpty()) {
			return new InstanceHealth(UP, null);
		}
		boolean nothingReady = workloads.stream().allMatch((workload) -> workload.ready() == 0);
		return new InstanceHealth(nothingReady ? DOWN : DEGRADED, String.join("; ", problems));
	}

	boolean up() {
		return UP.equals(this.status);
	}

}
