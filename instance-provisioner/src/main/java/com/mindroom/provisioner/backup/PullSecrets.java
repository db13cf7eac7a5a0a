package com.mindroom.provisioner.backup;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;

import org.springframework.util.StringUtils;

/**
 * Lets an agent Job pull the provisioner's image from a private registry: the registry
 * credentials (a {@code kubernetes.io/dockerconfigjson} Secret in the platform's
 * namespace, named {@code <namespace>/<name>}) are copied beside the Job for its
 * lifetime, since a pod can only use pull Secrets of its own namespace.
 */
class PullSecrets {

	private static final String SUFFIX = "-registry";

	private final KubernetesClient client;

	private final String source;

	PullSecrets(KubernetesClient client, String source) {
		this.client = client;
		this.source = StringUtils.hasText(source) ? source.trim() : null;
	}

	/**
	 * Copies the credentials beside the Job.
	 * @param job the Job about to start
	 * @return the copy's name, or {@code null} when the image needs none
	 */
	String copyFor(AgentJob job) {
		if (this.source == null) {
			return null;
		}
		String[] parts = this.source.split("/", 2);
		if (parts.length != 2) {
			throw new IllegalStateException("MINDROOM_BACKUP_PULL_SECRET_NAME must be <namespace>/<name>");
		}
		Secret original = this.client.secrets().inNamespace(parts[0]).withName(parts[1]).get();
		if (original == null) {
			throw new IllegalStateException("The image pull Secret " + this.source + " does not exist");
		}
		Secret copy = new SecretBuilder().withNewMetadata()
			.withName(job.name() + SUFFIX)
			.withNamespace(job.namespace())
			.withLabels(AgentJobs.labels(job, false))
			.endMetadata()
			.withType(original.getType())
			.withData(original.getData())
			.build();
		this.client.resource(copy).inNamespace(job.namespace()).createOr(NonDeletingOperation::update);
		return copy.getMetadata().getName();
	}

	/**
	 * Removes the copy of a Job's credentials, if there is one.
	 * @param namespace the Job's namespace
	 * @param jobName the Job's name
	 */
	void removeFor(String namespace, String jobName) {
		if (this.source != null) {
			this.client.secrets().inNamespace(namespace).withName(jobName + SUFFIX).delete();
		}
	}

}
