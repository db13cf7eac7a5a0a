package com.mindroom.provisioner;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mindroom.common.instance.InstanceCommands;
import com.mindroom.common.plan.Plan;
import com.mindroom.common.plan.PlanCatalog;
import com.mindroom.common.plan.ResourceProfile;
import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestData;
import com.mindroom.common.test.TestDatabase;
import com.mindroom.provisioner.cluster.OwnedKinds;
import com.mindroom.provisioner.cluster.Ownership;
import com.mindroom.provisioner.health.HealthChecks;
import com.mindroom.provisioner.health.UsageCollection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Provisions instances of every plan on the simulated cluster (the fabric8 mock server in
 * CRUD mode) against a real PostgreSQL, and follows them through suspend, resume,
 * restart, reprovision, drift and deletion.
 */
@FreshDatabase
@SpringBootTest
class ProvisioningIntegrationTests {

	@Autowired
	private KubernetesClient kubernetes;

	@Autowired
	private PlanCatalog plans;

	@Autowired
	private TestDatabase database;

	@Autowired
	private InstanceCommands commands;

	@Autowired
	private HealthChecks healthChecks;

	@Autowired
	private UsageCollection usage;

	private Provisioning provisioning;

	@BeforeEach
	void seed() {
		this.provisioning = new Provisioning(new TestData(this.database.dataSource()));
	}

	@Test
	void provisionsEveryPlanWithItsSizesAndLimits() {
		for (Plan plan : this.plans.all()) {
			UUID instance = this.provisioning.instance(plan.id(), plan.id());
			this.provisioning.awaitObserved(instance, "running");
			String namespace = this.provisioning.namespace(instance);
			assertPlanApplied(namespace, plan);
			assertThat(this.provisioning.events(instance))
				.contains("progress: Creating namespace " + namespace, "progress: Creating the tenant secret")
				.anyMatch((event) -> event.startsWith("progress: Waiting for MindRoom to become ready ("))
				.anyMatch((event) -> event.startsWith("observed: MindRoom is running at https://")
						&& event.endsWith("(simulated cluster)"));
		}
	}

	@Test
	void suspendScalesToZeroKeepingDataAndResumeBringsTheSameDataBack() {
		UUID instance = this.provisioning.instance("starter", "pause");
		this.provisioning.awaitObserved(instance, "running");
		String namespace = this.provisioning.namespace(instance);
		String volume = claimUid(namespace);
		Map<String, String> secret = secretValues(namespace);

		this.commands.stop(instance, "customer");
		this.provisioning.awaitObserved(instance, "suspended");
		assertThat(this.kubernetes.apps().deployments().inNamespace(namespace).list().getItems())
			.extracting((deployment) -> deployment.getSpec().getReplicas())
			.containsOnly(0);
		assertThat(claimUid(namespace)).isEqualTo(volume);
		assertThat(secretValues(namespace)).isEqualTo(secret);

		this.commands.start(instance, "customer");
		this.provisioning.awaitObserved(instance, "running");
		assertThat(this.kubernetes.apps().deployments().inNamespace(namespace).list().getItems())
			.extracting((deployment) -> deployment.getSpec().getReplicas())
			.containsOnly(1);
		assertThat(claimUid(namespace)).isEqualTo(volume);
		assertThat(secretValues(namespace)).isEqualTo(secret);
		assertThat(this.provisioning.events(instance)).contains(
				"observed: Suspending MindRoom (scaling to zero, data is kept)",
				"observed: MindRoom is suspended; its data is kept", "observed: Resuming MindRoom");
	}

	@Test
	void restartRollsThePodsThroughTheirTemplate() {
		UUID instance = this.provisioning.instance("free", "restart");
		this.provisioning.awaitObserved(instance, "running");
		String namespace = this.provisioning.namespace(instance);

		this.commands.restart(instance, "customer");
		this.provisioning.awaitObserved(instance, "running");
		Deployment mindroom = this.kubernetes.apps().deployments().inNamespace(namespace).withName("mindroom").get();
		assertThat(mindroom.getSpec().getTemplate().getMetadata().getAnnotations())
			.containsKey("mindroom.io/restarted-at");
		assertThat(mindroom.getStatus().getObservedGeneration()).isEqualTo(mindroom.getMetadata().getGeneration());
		assertThat(this.provisioning.events(instance)).contains("observed: Restarting MindRoom");
	}

	@Test
	void reprovisionCreatesTheObjectsAgainKeepingVolumesAndSecret() {
		UUID instance = this.provisioning.instance("free", "again");
		this.provisioning.awaitObserved(instance, "running");
		String namespace = this.provisioning.namespace(instance);
		String volume = claimUid(namespace);
		Map<String, String> secret = secretValues(namespace);
		String deployment = deploymentUid(namespace);

		this.commands.reprovision(instance, "admin");
		this.provisioning.awaitObserved(instance, "running");
		assertThat(deploymentUid(namespace)).isNotEqualTo(deployment);
		assertThat(claimUid(namespace)).isEqualTo(volume);
		assertThat(secretValues(namespace)).isEqualTo(secret);
		assertThat(this.provisioning.events(instance))
			.anyMatch((event) -> event.startsWith("progress: Reprovisioning: removed ")
					&& event.endsWith("(data volumes and secret kept)"));
	}

	@Test
	void deleteRemovesTheNamespaceAndForgetsTheSecrets() {
		UUID instance = this.provisioning.instance("free", "bye");
		this.provisioning.awaitObserved(instance, "running");
		String namespace = this.provisioning.namespace(instance);

		this.provisioning.data()
			.jdbc()
			.sql("update mindroom.instances set desired_state = 'deleted' where id = ?")
			.param(instance)
			.update();
		this.provisioning.awaitObserved(instance, "deleted");
		assertThat(this.kubernetes.namespaces().withName(namespace).get()).isNull();
		assertThat(this.kubernetes.apps().deployments().inNamespace(namespace).list().getItems()).isEmpty();
		assertThat(this.kubernetes.persistentVolumeClaims().inNamespace(namespace).list().getItems()).isEmpty();
		assertThat(this.provisioning.data()
			.jdbc()
			.sql("select count(*) from mindroom.tenant_secrets where instance_id = ?")
			.param(instance)
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.provisioning.events(instance)).contains("observed: Deleting MindRoom and its data",
				"progress: Deleting namespace " + namespace, "observed: MindRoom was deleted with its data");
	}

	@Test
	void sweepRepairsDeletedObjectsChangedReplicasAndAMissingSecret() {
		UUID instance = this.provisioning.instance("free", "drift");
		this.provisioning.awaitObserved(instance, "running");
		String namespace = this.provisioning.namespace(instance);
		Map<String, String> secret = secretValues(namespace);

		this.kubernetes.apps().deployments().inNamespace(namespace).withName("mindroom").delete();
		awaitRepaired(instance, namespace);
		assertThat(this.provisioning.events(instance))
			.contains("observed: Repairing drift: Deployment mindroom is missing");

		this.kubernetes.secrets().inNamespace(namespace).withName("mindroom-tenant").delete();
		this.provisioning.sweep(instance);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.kubernetes.secrets().inNamespace(namespace).withName("mindroom-tenant").get() != null);
		assertThat(secretValues(namespace)).isEqualTo(secret);

		this.provisioning.awaitObserved(instance, "running");

		this.kubernetes.apps().deployments().inNamespace(namespace).withName("matrix").scale(3);
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
			this.provisioning.sweep(instance);
			return this.provisioning.events(instance)
				.contains("observed: Repairing drift: Deployment matrix has 3 replicas instead of 1");
		});
		this.provisioning.awaitObserved(instance, "running");
		assertThat(this.kubernetes.apps()
			.deployments()
			.inNamespace(namespace)
			.withName("matrix")
			.get()
			.getSpec()
			.getReplicas()).isEqualTo(1);
		assertThat(this.provisioning.events(instance))
			.contains("observed: Repairing drift: the tenant secret is missing");
	}

	@Test
	void sweepOfAnUnchangedInstanceOnlyLooks() {
		UUID instance = this.provisioning.instance("free", "calm");
		this.provisioning.awaitObserved(instance, "running");
		String namespace = this.provisioning.namespace(instance);
		String deployment = deploymentUid(namespace);
		Object observedAt = this.provisioning.row(instance).get("observed_at");
		int events = this.provisioning.events(instance).size();

		this.provisioning.sweep(instance);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !this.provisioning.row(instance).get("observed_at").equals(observedAt));
		assertThat(this.provisioning.events(instance)).hasSize(events);
		assertThat(deploymentUid(namespace)).isEqualTo(deployment);
		assertThat(this.provisioning.observed(instance)).isEqualTo("running");
	}

	@Test
	void healthChecksMarkRunningInstancesUpAndCountUptime() {
		UUID instance = this.provisioning.instance("free", "healthy");
		this.provisioning.awaitObserved(instance, "running");

		assertThat(this.healthChecks.checkAll()).isPositive();
		Map<String, Object> row = this.provisioning.row(instance);
		assertThat(row.get("health_status")).isEqualTo("up");
		assertThat(row.get("health_checked_at")).isNotNull();
		Map<String, Object> uptime = this.provisioning.data()
			.jdbc()
			.sql("select checks, up_checks from mindroom.uptime_hourly where instance_id = ?")
			.param(instance)
			.query()
			.singleRow();
		assertThat(uptime).containsEntry("checks", 1).containsEntry("up_checks", 1);
		assertThat(this.provisioning.events(instance)).contains("health: MindRoom is healthy");
	}

	@Test
	void usageIsCollectedOnceADayFromTheDeterministicSimulatedSource() {
		UUID instance = this.provisioning.instance("starter", "usage");
		this.provisioning.awaitObserved(instance, "running");
		LocalDate day = LocalDate.of(2026, 3, 14);

		assertThat(this.usage.collect(day)).isPositive();
		assertThat(this.usage.collect(day)).isZero();
		Map<String, Object> row = this.provisioning.data()
			.jdbc()
			.sql("select messages, active_agents, storage_bytes from mindroom.usage_daily where instance_id = ? and day = ?")
			.params(instance, day)
			.query()
			.singleRow();
		assertThat((Long) row.get("messages")).isBetween(100L, 800L);
		assertThat((Integer) row.get("active_agents")).isBetween(1, 3);
		assertThat((Long) row.get("storage_bytes")).isPositive();
		this.provisioning.data()
			.jdbc()
			.sql("delete from mindroom.usage_daily where instance_id = ?")
			.param(instance)
			.update();
		this.usage.collect(day);
		assertThat(this.provisioning.data()
			.jdbc()
			.sql("select messages, active_agents, storage_bytes from mindroom.usage_daily where instance_id = ? and day = ?")
			.params(instance, day)
			.query()
			.singleRow()).isEqualTo(row);
	}

	private void awaitRepaired(UUID instance, String namespace) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.kubernetes.apps()
				.deployments()
				.inNamespace(namespace)
				.withName("mindroom")
				.get() != null);
		this.provisioning.awaitObserved(instance, "running");
	}

	private String claimUid(String namespace) {
		return this.kubernetes.persistentVolumeClaims()
			.inNamespace(namespace)
			.withName("mindroom-data")
			.get()
			.getMetadata()
			.getUid();
	}

	private String deploymentUid(String namespace) {
		return this.kubernetes.apps()
			.deployments()
			.inNamespace(namespace)
			.withName("mindroom")
			.get()
			.getMetadata()
			.getUid();
	}

	private Map<String, String> secretValues(String namespace) {
		return this.kubernetes.secrets().inNamespace(namespace).withName("mindroom-tenant").get().getStringData();
	}

	private void assertPlanApplied(String namespace, Plan plan) {
		ResourceProfile resources = plan.resources();
		Namespace ns = this.kubernetes.namespaces().withName(namespace).get();
		assertThat(ns.getMetadata().getLabels()).containsEntry(Ownership.PLAN, plan.id())
			.containsKey(Ownership.ACCOUNT)
			.containsEntry(Ownership.SIMULATED, "true");
		Deployment mindroom = this.kubernetes.apps().deployments().inNamespace(namespace).withName("mindroom").get();
		var container = mindroom.getSpec().getTemplate().getSpec().getContainers().get(0);
		assertThat(container.getResources().getRequests()).containsEntry("cpu", new Quantity(resources.cpuRequest()))
			.containsEntry("memory", new Quantity(resources.memoryRequest()));
		assertThat(container.getResources().getLimits()).containsEntry("cpu", new Quantity(resources.cpuLimit()))
			.containsEntry("memory", new Quantity(resources.memoryLimit()));
		assertThat(container.getImage()).doesNotEndWith(":latest");
		PersistentVolumeClaim data = this.kubernetes.persistentVolumeClaims()
			.inNamespace(namespace)
			.withName("mindroom-data")
			.get();
		assertThat(data.getSpec().getResources().getRequests()).containsEntry("storage",
				new Quantity(resources.volumeSize()));
		ResourceQuota quota = this.kubernetes.resourceQuotas().inNamespace(namespace).withName("tenant-quota").get();
		assertThat(quota.getSpec().getHard()).containsEntry("limits.cpu", new Quantity(resources.quotaCpu()))
			.containsEntry("limits.memory", new Quantity(resources.quotaMemory()));
		LimitRange limits = this.kubernetes.limitRanges().inNamespace(namespace).withName("tenant-limits").get();
		assertThat(limits.getSpec().getLimits().get(0).getMax()).containsEntry("cpu",
				new Quantity(resources.cpuLimit()));
		String config = this.kubernetes.configMaps()
			.inNamespace(namespace)
			.withName("mindroom-config")
			.get()
			.getData()
			.get("platform.yaml");
		assertThat(config).contains("agents: " + json(plan.limits().agents()))
			.contains("messages_per_day: " + json(plan.limits().messagesPerDay()));
		assertThat(this.kubernetes.network().v1().ingresses().inNamespace(namespace).withName("mindroom").get())
			.isNotNull();
		assertThat(
				this.kubernetes.network().v1().networkPolicies().inNamespace(namespace).withName("default-deny").get())
			.isNotNull();
		assertNoSecretValueOutsideTheSecret(namespace);
	}

	private void assertNoSecretValueOutsideTheSecret(String namespace) {
		Secret secret = this.kubernetes.secrets().inNamespace(namespace).withName("mindroom-tenant").get();
		assertThat(secret.getStringData()).hasSize(5)
			.allSatisfy((key, value) -> assertThat(value).hasSizeGreaterThan(20));
		for (Class<? extends HasMetadata> kind : OwnedKinds.NAMESPACED) {
			if (kind == Secret.class) {
				continue;
			}
			for (HasMetadata object : this.kubernetes.resources(kind).inNamespace(namespace).list().getItems()) {
				String manifest = Serialization.asYaml(object);
				secret.getStringData().values().forEach((value) -> assertThat(manifest).doesNotContain(value));
			}
		}
	}

	private static String json(Integer limit) {
		return (limit != null) ? limit.toString() : "null";
	}

}
