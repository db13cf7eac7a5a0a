package com.mindroom.provisioner.backup;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;

/**
 * The pod of an agent Job: the agent's JVM with a small heap, as a non-root user with a
 * read-only root file system and no capabilities, next to the instance's pods when it
 * handles their volumes.
 */
final class AgentPods {

	/**
	 * The label the instance chart's pods carry with the instance's slug; pods with it
	 * share a node, where the instance's volumes are attached.
	 */
	static final String COLOCATION = "app.kubernetes.io/instance";

	/**
	 * The user and group MindRoom runs as in the instance chart (owner of its volume).
	 */
	private static final long MINDROOM_USER = 1000;

	/** The user and group the Matrix homeserver runs as in the instance chart. */
	private static final long MATRIX_USER = 991;

	private AgentPods() {
	}

	static PodSpec spec(AgentJob job, BackupProperties.Job settings, String image, List<EnvVar> env,
			List<VolumeMount> mounts, List<Volume> volumes, long deadlineSeconds, String pullSecret) {
		PodSpecBuilder spec = new PodSpecBuilder().withRestartPolicy("Never")
			.withActiveDeadlineSeconds(deadlineSeconds)
			.withAutomountServiceAccountToken(false)
			.withNewSecurityContext()
			.withRunAsNonRoot(true)
			.withRunAsUser(MINDROOM_USER)
			.withRunAsGroup(MINDROOM_USER)
			// no fsGroup: the kubelet would hand the instance's volumes to the agent's
			// group;
			// the volumes keep their owners' groups, which the agent belongs to
			.withSupplementalGroups(MATRIX_USER)
			.withNewSeccompProfile()
			.withType("RuntimeDefault")
			.endSeccompProfile()
			.endSecurityContext()
			.withContainers(container(settings, image, env, mounts))
			.withVolumes(volumes);
		if (pullSecret != null) {
			spec.addNewImagePullSecret(pullSecret);
		}
		if (job.slug() != null) {
			spec.withNewAffinity()
				.withNewPodAffinity()
				.addNewRequiredDuringSchedulingIgnoredDuringExecution()
				.withNewLabelSelector()
				.withMatchLabels(Map.of(COLOCATION, job.slug()))
				.endLabelSelector()
				.withTopologyKey("kubernetes.io/hostname")
				.endRequiredDuringSchedulingIgnoredDuringExecution()
				.endPodAffinity()
				.endAffinity();
		}
		return spec.build();
	}

	private static Container container(BackupProperties.Job settings, String image, List<EnvVar> env,
			List<VolumeMount> mounts) {
		return new ContainerBuilder().withName("agent")
			.withImage(image)
			.withImagePullPolicy("IfNotPresent")
			.withCommand("java", "-XX:MaxRAMPercentage=60", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
					"-cp", "@/app/jib-classpath-file", BackupAgent.class.getName())
			.withEnv(env)
			.withVolumeMounts(mounts)
			.withTerminationMessagePolicy("FallbackToLogsOnError")
			.withNewResources()
			.addToRequests("cpu", new Quantity(settings.cpuRequest()))
			.addToRequests("memory", new Quantity(settings.memoryRequest()))
			.addToLimits("cpu", new Quantity(settings.cpuLimit()))
			.addToLimits("memory", new Quantity(settings.memoryLimit()))
			.endResources()
			.withNewSecurityContext()
			.withAllowPrivilegeEscalation(false)
			.withReadOnlyRootFilesystem(true)
			.withPrivileged(false)
			.withNewCapabilities()
			.withDrop("ALL")
			.endCapabilities()
			.endSecurityContext()
			.build();
	}

}
