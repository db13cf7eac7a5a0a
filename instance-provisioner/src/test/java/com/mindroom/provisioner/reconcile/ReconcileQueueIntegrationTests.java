package com.mindroom.provisioner.reconcile;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestData;
import com.mindroom.common.test.TestDatabase;
import com.mindroom.provisioner.Provisioning;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order in which due instances are claimed: an instance whose rollout is in progress
 * is checked before new work that has waited longer, so a backlog of new instances does
 * not hold back the ones already applied.
 */
@FreshDatabase
@SpringBootTest(properties = "mindroom.provisioner.enabled=false")
class ReconcileQueueIntegrationTests {

	private static final Duration LEASE = Duration.ofMinutes(2);

	@Autowired
	private ReconcileQueue queue;

	@Autowired
	private TestDatabase database;

	@Test
	void aRolloutInProgressIsClaimedBeforeOlderNewWork() {
		Provisioning provisioning = new Provisioning(new TestData(this.database.dataSource()));
		UUID waitingLonger = provisioning.instance("starter", "backlog");
		UUID inProgress = provisioning.instance("starter", "rolling");
		UUID dueLater = provisioning.instance("starter", "later");
		due(waitingLonger, "now() - interval '5 minutes'", null);
		due(inProgress, "now() - interval '1 second'", "now() - interval '3 seconds'");
		due(dueLater, "now() - interval '1 minute'", null);

		assertThat(this.queue.claim("replica-a", 1, LEASE)).extracting(Claim::id).containsExactly(inProgress);
		assertThat(this.queue.claim("replica-a", 1, LEASE)).extracting(Claim::id).containsExactly(waitingLonger);
		assertThat(this.queue.claim("replica-a", 1, LEASE)).extracting(Claim::id).containsExactly(dueLater);
	}

	private void due(UUID instance, String dueAt, String rolloutStartedAt) {
		new TestData(this.database.dataSource()).jdbc()
			.sql("update mindroom.instances set next_attempt_at = " + dueAt + ", rollout_started_at = "
					+ ((rolloutStartedAt != null) ? rolloutStartedAt : "null") + " where id = ?")
			.param(instance)
			.update();
	}

}
