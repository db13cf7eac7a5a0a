package com.mindroom.portal.instance;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the instance card says and offers in each state.
 */
class InstanceViewTests {

	private static InstanceView view(String desired, String observed, long generation, long observedGeneration,
			boolean stoppedByCustomer) {
		return new InstanceView(UUID.randomUUID(), "team-abcde", "starter", desired, "reason", observed, generation,
				observedGeneration, null, "https://team-abcde.example", "up", stoppedByCustomer, Instant.EPOCH, null);
	}

	@Test
	void aNewInstanceIsSettingUpAndCannotBeOpenedYet() {
		InstanceView instance = view("running", "pending", 1, 0, false);
		assertThat(instance.settling()).isTrue();
		assertThat(instance.stateLabel()).isEqualTo("Setting up");
		assertThat(instance.openable()).isFalse();
		assertThat(instance.canStop()).isTrue();
		assertThat(instance.canRestart()).isFalse();
	}

	@Test
	void aRunningInstanceCanBeOpenedRestartedAndStopped() {
		InstanceView instance = view("running", "running", 3, 3, false);
		assertThat(instance.settling()).isFalse();
		assertThat(instance.stateLabel()).isEqualTo("Running");
		assertThat(instance.stateTone()).isEqualTo("success");
		assertThat(instance.openable()).isTrue();
		assertThat(instance.canRestart()).isTrue();
		assertThat(instance.canStart()).isFalse();
	}

	@Test
	void onlyTheCustomersOwnStopCanBeUndoneByStart() {
		assertThat(view("suspended", "suspended", 2, 2, true).canStart()).isTrue();
		assertThat(view("suspended", "suspended", 2, 2, true).stateLabel()).isEqualTo("Stopped");
		assertThat(view("suspended", "suspended", 2, 2, false).canStart()).isFalse();
		assertThat(view("suspended", "suspended", 2, 2, false).stateLabel()).isEqualTo("Suspended");
	}

	@Test
	void aFailingInstanceNeedsAttention() {
		InstanceView instance = view("running", "error", 2, 2, false);
		assertThat(instance.stateLabel()).isEqualTo("Needs attention");
		assertThat(instance.stateTone()).isEqualTo("danger");
	}

}
