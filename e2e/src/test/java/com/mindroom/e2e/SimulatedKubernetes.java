package com.mindroom.e2e;

import java.util.List;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulated Kubernetes API the provisioner serves on 127.0.0.1:8090 in a local run,
 * looked at from outside with a fabric8 client as an operator's kubectl would.
 */
final class SimulatedKubernetes implements AutoCloseable {

	private final KubernetesClient client = new KubernetesClientBuilder()
		.withConfig(new ConfigBuilder(Config.empty()).withMasterUrl("http://127.0.0.1:8090").build())
		.build();

	/**
	 * Whether the namespace exists.
	 * @param namespace the namespace
	 * @return whether it exists
	 */
	boolean hasNamespace(String namespace) {
		return this.client.namespaces().withName(namespace).get() != null;
	}

	/**
	 * Checks that the namespace holds what an instance needs: a Secret, Deployments and
	 * an Ingress.
	 * @param namespace the tenant's namespace
	 */
	void assertInstanceObjects(String namespace) {
		assertThat(hasNamespace(namespace)).as("namespace %s exists", namespace).isTrue();
		assertThat(this.client.secrets().inNamespace(namespace).list().getItems()).as("Secrets in %s", namespace)
			.isNotEmpty();
		assertThat(deployments(namespace)).as("Deployments in %s", namespace).isNotEmpty();
		assertThat(this.client.network().v1().ingresses().inNamespace(namespace).list().getItems())
			.as("Ingresses in %s", namespace)
			.isNotEmpty();
	}

	/**
	 * The replicas every Deployment of the namespace asks for, summed.
	 * @param namespace the namespace
	 * @return the desired replicas
	 */
	int desiredReplicas(String namespace) {
		return deployments(namespace).stream().mapToInt((deployment) -> deployment.getSpec().getReplicas()).sum();
	}

	private List<Deployment> deployments(String namespace) {
		return this.client.apps().deployments().inNamespace(namespace).list().getItems();
	}

	@Override
	public void close() {
		this.client.close();
	}

}
