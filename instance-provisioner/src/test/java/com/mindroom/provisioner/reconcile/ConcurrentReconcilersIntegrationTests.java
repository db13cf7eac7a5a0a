package com.mindroom.provisioner.reconcile;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestData;
import com.mindroom.common.test.TestDatabase;
import com.mindroom.provisioner.Provisioning;
import com.mindroom.provisioner.cluster.ClusterCache;
import com.mindroom.provisioner.system.ProvisionerProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two reconcile loops (two replicas) share one database and one cluster: 50 instances all
 * converge, both replicas do part of the work, and no instance is ever in two passes at
 * once.
 */
@FreshDatabase
@SpringBootTest(properties = "mindroom.provisioner.enabled=false")
class ConcurrentReconcilersIntegrationTests {

	@Autowired
	private ReconcileQueue queue;

	@Autowired
	private InstanceReconciler reconciler;

	@Autowired
	private ProvisionerProperties properties;

	@Autowired
	private ClusterCache cache;

	@Autowired
	private TestDatabase database;

	private final Map<UUID, AtomicInteger> inPass = new ConcurrentHashMap<>();

	private final Set<UUID> overlaps = ConcurrentHashMap.newKeySet();

	private final Map<String, AtomicInteger> passesByReplica = new ConcurrentHashMap<>();

	@Test
	void twoReplicasConvergeFiftyInstancesWithoutEverWorkingOnOneTwice() {
		Provisioning provisioning = new Provisioning(new TestData(this.database.dataSource()));
		List<UUID> instances = IntStream.range(0, 50)
			.mapToObj((i) -> provisioning.instance((i % 2 == 0) ? "free" : "starter", "pair" + i))
			.toList();
		ReconcileLoop first = loop("replica-a");
		ReconcileLoop second = loop("replica-b");
		first.start();
		second.start();
		try {
			await().atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> instances.stream().allMatch((id) -> "running".equals(provisioning.observed(id))));
		}
		finally {
			first.stop();
			second.stop();
		}
		assertThat(this.overlaps).isEmpty();
		assertThat(this.passesByReplica.keySet()).containsExactlyInAnyOrder("replica-a", "replica-b");
		assertThat(instances).allSatisfy((id) -> assertThat(provisioning.row(id).get("claimed_by")).isNull());
	}

	private ReconcileLoop loop(String replica) {
		Reconciler tracking = (claim) -> {
			this.passesByReplica.computeIfAbsent(replica, (key) -> new AtomicInteger()).incrementAndGet();
			AtomicInteger passes = this.inPass.computeIfAbsent(claim.id(), (key) -> new AtomicInteger());
			if (passes.incrementAndGet() > 1) {
				this.overlaps.add(claim.id());
			}
			try {
				return this.reconciler.reconcile(claim);
			}
			finally {
				passes.decrementAndGet();
			}
		};
		return new ReconcileLoop(this.queue, tracking, this.properties, replica, this.cache::synced, null);
	}

}
