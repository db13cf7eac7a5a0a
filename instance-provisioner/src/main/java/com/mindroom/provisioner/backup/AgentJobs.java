package com.mindroom.provisioner.backup;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;

import org.springframework.util.StringUtils;

/**
 * Builds, starts, reads and removes the Jobs that run the {@link BackupAgent} next to the
 * data: the provisioner's image running the agent, the instance's volumes mounted
 * (read-only for a backup), beside the instance's pods (its volumes attach to one node),
 * as the Pod Security "restricted" profile wants, with a deadline (so it counts against
 * the instance chart's {@code tenant-jobs} quota, not the plan's), and a Secret of its
 * own holding the instance's passphrase and the bucket's key, which goes with the Job.
 */
public class AgentJobs {

	/** Label of every agent Job (and its Secret): {@code backup} or {@code restore}. */
	public static final String COMPONENT = "app.kubernetes.io/component";

	/** Label of everything the agents and drills create: {@code mindroom}. */
	public static final String PART_OF = "app.kubernetes.io/part-of";

	private final KubernetesClient client;

	private final BackupProperties properties;

	private final boolean simulated;

	private final PullSecrets pullSecrets;

	public AgentJobs(KubernetesClient client, BackupProperties properties, boolean simulated) {
		this.client = client;
		this.properties = properties;
		this.simulated = simulated;
		this.pullSecrets = new PullSecrets(client, properties.job().pullSecret());
	}

	/**
	 * Starts the Job (its Secret first, so its pod finds it). A Job that cannot be
	 * created leaves no Secret behind: they hold the tenant's passphrase and the bucket's
	 * keys.
	 * @param job what to run
	 */
	public void launch(AgentJob job) {
		this.client.resource(secret(job)).inNamespace(job.namespace()).createOr(NonDeletingOperation::update);
		try {
			String pullSecret = this.pullSecrets.copyFor(job);
			this.client.resource(job(job, pullSecret)).inNamespace(job.namespace()).create();
		}
		catch (RuntimeException ex) {
			try {
				remove(job.namespace(), job.name());
			}
			catch (RuntimeException cleanup) {
				ex.addSuppressed(cleanup);
			}
			throw ex;
		}
	}

	/**
	 * Reads how the Job is doing.
	 * @param namespace its namespace
	 * @param name its name
	 * @return its state
	 */
	public JobState state(String namespace, String name) {
		Job job = this.client.batch().v1().jobs().inNamespace(namespace).withName(name).get();
		return JobState.of(job, () -> terminationMessage(namespace, name));
	}

	/**
	 * Removes the Job, its pods and its Secret.
	 * @param namespace its namespace
	 * @param name its name
	 */
	public void remove(String namespace, String name) {
		this.client.batch()
			.v1()
			.jobs()
			.inNamespace(namespace)
			.withName(name)
			.withPropagationPolicy(DeletionPropagation.BACKGROUND)
			.delete();
		this.client.secrets().inNamespace(namespace).withName(name).delete();
		this.pullSecrets.removeFor(namespace, name);
	}

	private String terminationMessage(String namespace, String name) {
		return this.client.pods()
			.inNamespace(namespace)
			.withLabel("job-name", name)
			.list()
			.getItems()
			.stream()
			.flatMap((pod) -> (pod.getStatus() != null && pod.getStatus().getContainerStatuses() != null)
					? pod.getStatus().getContainerStatuses().stream() : Stream.empty())
			.filter((status) -> status.getState() != null && status.getState().getTerminated() != null)
			.map((status) -> status.getState().getTerminated().getMessage())
			.filter(StringUtils::hasText)
			.findFirst()
			.orElse(null);
	}

	private Secret secret(AgentJob job) {
		Map<String, String> data = new LinkedHashMap<>();
		data.put("passphrase", job.passphrase());
		S3Settings s3 = this.properties.s3().settings();
		if (s3.configured()) {
			data.put("s3-access-key", s3.accessKey());
			data.put("s3-secret-key", s3.secretKey());
		}
		return new SecretBuilder().withNewMetadata()
			.withName(job.name())
			.withNamespace(job.namespace())
			.withLabels(labels(job, false))
			.endMetadata()
			.withType("Opaque")
			.withData(data.entrySet()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey,
						(entry) -> Base64.getEncoder()
							.encodeToString(entry.getValue().getBytes(StandardCharsets.UTF_8)))))
			.build();
	}

	private Job job(AgentJob job, String pullSecret) {
		long deadline = job.deadline().toSeconds();
		return new JobBuilder().withNewMetadata()
			.withName(job.name())
			.withNamespace(job.namespace())
			.withLabels(labels(job, true))
			.endMetadata()
			.withNewSpec()
			.withBackoffLimit(0)
			.withActiveDeadlineSeconds(deadline)
			.withTtlSecondsAfterFinished((int) this.properties.job().keepFinished().toSeconds())
			.withNewTemplate()
			.withNewMetadata()
			.withLabels(podLabels(job))
			.endMetadata()
			.withSpec(AgentPods.spec(job, this.properties.job(), image(), environment(job), mounts(job), volumes(job),
					deadline, pullSecret))
			.endTemplate()
			.endSpec()
			.build();
	}

	private String image() {
		String image = this.properties.job().image();
		if (StringUtils.hasText(image)) {
			return image.trim();
		}
		if (this.simulated) {
			return "instance-provisioner:simulated";
		}
		throw new IllegalStateException(
				"No image for backup Jobs: set MINDROOM_BACKUP_IMAGE to the provisioner's image");
	}

	private List<EnvVar> environment(AgentJob job) {
		S3Settings s3 = this.properties.s3().settings();
		List<EnvVar> env = new ArrayList<>();
		env.add(plain(BackupAgent.MODE, job.restore() ? "restore" : "backup"));
		env.add(plain(BackupAgent.KEY, job.key()));
		env.add(plain(BackupAgent.VOLUMES,
				job.volumes()
					.stream()
					.map((volume) -> volume.name() + "=/data/" + volume.name())
					.collect(Collectors.joining(","))));
		env.add(plain(BackupAgent.PASSPHRASE_FILE, "/etc/mindroom-backup/passphrase"));
		if (job.sha256() != null) {
			env.add(plain(BackupAgent.SHA256, job.sha256()));
		}
		env.add(plain(S3Settings.ENDPOINT, StringUtils.hasText(s3.endpoint()) ? s3.endpoint() : ""));
		env.add(plain(S3Settings.REGION, s3.region()));
		env.add(plain(S3Settings.BUCKET, StringUtils.hasText(s3.bucket()) ? s3.bucket() : ""));
		env.add(plain(S3Settings.PATH_STYLE, String.valueOf(s3.pathStyle())));
		env.add(plain(S3Settings.PART_SIZE, String.valueOf(s3.partSize())));
		env.add(fromSecret(S3Settings.ACCESS_KEY, job.name(), "s3-access-key"));
		env.add(fromSecret(S3Settings.SECRET_KEY, job.name(), "s3-secret-key"));
		return env;
	}

	private static List<VolumeMount> mounts(AgentJob job) {
		List<VolumeMount> mounts = new ArrayList<>();
		for (AgentJob.Volume volume : job.volumes()) {
			mounts.add(new VolumeMountBuilder().withName(volume.name())
				.withMountPath("/data/" + volume.name())
				.withReadOnly(!job.restore())
				.build());
		}
		mounts.add(new VolumeMountBuilder().withName("passphrase")
			.withMountPath("/etc/mindroom-backup")
			.withReadOnly(true)
			.build());
		mounts.add(new VolumeMountBuilder().withName("tmp").withMountPath("/tmp").build());
		return mounts;
	}

	private static List<Volume> volumes(AgentJob job) {
		List<Volume> volumes = new ArrayList<>();
		for (AgentJob.Volume volume : job.volumes()) {
			VolumeBuilder builder = new VolumeBuilder().withName(volume.name());
			volumes.add((volume.claim() != null) ? builder.withNewPersistentVolumeClaim()
				.withClaimName(volume.claim())
				.endPersistentVolumeClaim()
				.build() : builder.withNewEmptyDir().endEmptyDir().build());
		}
		volumes.add(new VolumeBuilder().withName("passphrase")
			.withNewSecret()
			.withSecretName(job.name())
			.withDefaultMode(0400)
			.addNewItem()
			.withKey("passphrase")
			.withPath("passphrase")
			.endItem()
			.endSecret()
			.build());
		volumes.add(new VolumeBuilder().withName("tmp")
			.withNewEmptyDir()
			.withSizeLimit(new Quantity("64Mi"))
			.endEmptyDir()
			.build());
		return volumes;
	}

	static Map<String, String> labels(AgentJob job, boolean withInstance) {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put(PART_OF, "mindroom");
		labels.put(COMPONENT, job.restore() ? "restore" : "backup");
		if (withInstance) {
			labels.put("mindroom.io/instance", job.instanceId().toString());
		}
		return labels;
	}

	private static Map<String, String> podLabels(AgentJob job) {
		Map<String, String> labels = labels(job, false);
		if (job.slug() != null) {
			labels.put(AgentPods.COLOCATION, job.slug());
		}
		return labels;
	}

	private static EnvVar plain(String name, String value) {
		return new EnvVarBuilder().withName(name).withValue(value).build();
	}

	private static EnvVar fromSecret(String name, String secret, String key) {
		return new EnvVarBuilder().withName(name)
			.withNewValueFrom()
			.withNewSecretKeyRef()
			.withName(secret)
			.withKey(key)
			.withOptional(true)
			.endSecretKeyRef()
			.endValueFrom()
			.build();
	}

}
