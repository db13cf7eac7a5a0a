package com.mindroom.provisioner;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mindroom.common.plan.Plan;
import com.mindroom.common.plan.PlanCatalog;
import com.mindroom.common.plan.ResourceProfile;
import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestData;
import com.mindroom.common.test.TestDatabase;
import com.mindroom.provisioner.cluster.OwnedKinds;
import com.mindroom.provisioner.cluster.Ownership;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

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
