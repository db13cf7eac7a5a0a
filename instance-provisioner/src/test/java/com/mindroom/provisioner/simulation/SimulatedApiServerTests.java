package com.mindroom.provisioner.simulation;

import java.time.Duration;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The simulated API server finds the object a create, replace or patch is about by name
 * first: objects of the same name in other namespaces, and many objects of other names,
 * must not be mistaken for it.
 */
class SimulatedApiServerTests {

	private static final SimulatedCluster cluster = new SimulatedCluster("127.0.0.1", 0, Duration.ofHours(1));

	private static KubernetesClient client;

	@BeforeAll
	static void start() {
		cluster.start();
		client = new KubernetesClientBuilder().withConfig(cluster.config()).build();
		for (int i = 0; i < 50; i++) {
			client.configMaps().inNamespace("crowd").resource(configMap("crowd", "other-" + i, "x")).create();
		}
	}

	@AfterAll
	static void stop() {
		client.close();
		cluster.close();
	}

	@Test
	void theSameNameInAnotherNamespaceIsAnotherObjectAndCreatingAnExistingOneConflicts() {
		client.configMaps().inNamespace("tenant-a").resource(configMap("tenant-a", "settings", "a")).create();
		client.configMaps().inNamespace("tenant-b").resource(configMap("tenant-b", "settings", "b")).create();

		assertThatExceptionOfType(KubernetesClientException.class)
			.isThrownBy(() -> client.configMaps()
				.inNamespace("tenant-a")
				.resource(configMap("tenant-a", "settings", "again"))
				.create())
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(409));
		assertThat(value("tenant-a", "settings")).isEqualTo("a");
		assertThat(value("tenant-b", "settings")).isEqualTo("b");
	}

	@Test
	void replaceAndPatchChangeTheirObjectOnly() {
		client.configMaps().inNamespace("tenant-c").resource(configMap("tenant-c", "settings", "first")).create();
		client.configMaps().inNamespace("tenant-d").resource(configMap("tenant-d", "settings", "kept")).create();

		client.configMaps().inNamespace("tenant-c").resource(configMap("tenant-c", "settings", "replaced")).update();
		assertThat(value("tenant-c", "settings")).isEqualTo("replaced");
		client.configMaps()
			.inNamespace("crowd")
			.withName("other-7")
			.edit((configMap) -> new ConfigMapBuilder(configMap).addToData("key", "patched").build());

		assertThat(value("crowd", "other-7")).isEqualTo("patched");
		assertThat(value("crowd", "other-8")).isEqualTo("x");
		assertThat(value("tenant-d", "settings")).isEqualTo("kept");
	}

	@Test
	void aStatusUpdateReachesItsWorkload() {
		Deployment created = client.apps()
			.deployments()
			.inNamespace("tenant-e")
			.resource(new DeploymentBuilder().withNewMetadata()
				.withName("mindroom")
				.withNamespace("tenant-e")
				.endMetadata()
				.withNewSpec()
				.withReplicas(1)
				.endSpec()
				.build())
			.create();

		client.apps()
			.deployments()
			.inNamespace("tenant-e")
			.resource(new DeploymentBuilder(created)
				.withStatus(new DeploymentStatusBuilder().withReadyReplicas(1).build())
				.build())
			.updateStatus();

		assertThat(client.apps().deployments().inNamespace("tenant-e").withName("mindroom").get().getStatus())
			.satisfies((status) -> assertThat(status.getReadyReplicas()).isEqualTo(1));
	}

	private static String value(String namespace, String name) {
		return client.configMaps().inNamespace(namespace).withName(name).get().getData().get("key");
	}

	private static ConfigMap configMap(String namespace, String name, String value) {
		return new ConfigMapBuilder().withNewMetadata()
			.withName(name)
			.withNamespace(namespace)
			.endMetadata()
			.withData(Map.of("key", value))
			.build();
	}

}
