package com.mindroom.provisioner.health;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.mindroom.provisioner.cluster.Workload;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How ready replicas and the health endpoint's answer make an instance up, degraded or
 * down.
 */
class InstanceHealthTests {

	private static final Workload MINDROOM_READY = new Workload("Deployment", "mindroom", 1, 1, 1, 1, true);

	private static final Workload MATRIX_READY = new Workload("Deployment", "matrix", 1, 1, 1, 1, true);

	private static final Workload MATRIX_STARTING = new Workload("Deployment", "matrix", 1, 0, 1, 1, true);

	private static final Workload MINDROOM_STARTING = new Workload("Deployment", "mindroom", 1, 0, 1, 1, true);

	@Test
	void upWhenEverythingIsReadyAndTheEndpointAgreesOrCannotBeReached() {
		assertThat(InstanceHealth.of(List.of(MINDROOM_READY, MATRIX_READY), Optional.empty()))
			.isEqualTo(new InstanceHealth("up", null));
		assertThat(InstanceHealth.of(List.of(MINDROOM_READY, MATRIX_READY),
				Optional.of(new InstanceProbe.HttpHealth(true, null))))
			.isEqualTo(new InstanceHealth("up", null));
	}

	@Test
	void degradedWhenSomethingIsNotReadyOrTheEndpointComplains() {
		assertThat(InstanceHealth.of(List.of(MINDROOM_READY, MATRIX_STARTING), Optional.empty()))
			.isEqualTo(new InstanceHealth("degraded", "matrix has 0/1 ready"));
		assertThat(InstanceHealth.of(List.of(MINDROOM_READY, MATRIX_READY),
				Optional.of(new InstanceProbe.HttpHealth(false, "its health endpoint answered 503"))))
			.isEqualTo(new InstanceHealth("degraded", "its health endpoint answered 503"));
	}

	@Test
	void downWhenNothingIsReadyOrNothingExists() {
		assertThat(InstanceHealth.of(List.of(MINDROOM_STARTING, MATRIX_STARTING), Optional.empty()).status())
			.isEqualTo("down");
		assertThat(InstanceHealth.of(List.of(), Optional.empty()))
			.isEqualTo(new InstanceHealth("down", "no workloads found in its namespace"));
	}

}
