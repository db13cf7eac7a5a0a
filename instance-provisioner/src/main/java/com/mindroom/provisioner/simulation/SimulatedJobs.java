package com.mindroom.provisioner.simulation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.provisioner.backup.AgentJobs;
import com.mindroom.provisioner.backup.BackupAgent;
import com.mindroom.provisioner.backup.ObjectStore;

import org.springframework.util.FileSystemUtils;

/**
 * The part of the simulated kubelet that runs the backup and restore Jobs, where no pod
 * can run: it runs the same {@link BackupAgent} the Job's pod would, in process, with the
 * Job's own settings and Secret and the provisioner's object store, on a deterministic
 * sample of each volume's data (the simulated volumes hold none), then writes the Job's
 * status as the Job controller would: complete, or failed with the agent's reason. The
 * provisioner reads Jobs, manifests and objects exactly as on a real cluster.
 */
public class SimulatedJobs implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(SimulatedJobs.class);

	/** The label the Job controller puts on a Job's pods. */
	private static final String JOB_NAME = "job-name";

	private final KubernetesClient client;

	private final ObjectStore store;

	private final Duration delay;

	private ScheduledExecutorService executor;

	private SharedIndexInformer<Job> jobs;

	public SimulatedJobs(KubernetesClient client, ObjectStore store, Duration delay) {
		this.client = client;
		this.store = store;
		this.delay = delay;
	}

	public void start() {
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> new Thread(task, "simulated-jobs"));
		this.jobs = this.client.batch().v1().jobs().inAnyNamespace().inform(new ResourceEventHandler<>() {

			@Override
			public void onAdd(Job job) {
				// the mock server ignores set-based label selectors: agent Jobs are
				// picked here
				if (isAgentJob(job) && (job.getStatus() == null || job.getStatus().getStartTime() == null)) {
					SimulatedJobs.this.executor.schedule(() -> run(job), SimulatedJobs.this.delay.toMillis(),
							TimeUnit.MILLISECONDS);
				}
			}

			@Override
			public void onUpdate(Job before, Job after) {
			}

			@Override
			public void onDelete(Job job, boolean finalStateUnknown) {
				// the garbage collector's part: a Job's pods go with it
				SimulatedJobs.this.executor.execute(() -> SimulatedJobs.this.client.pods()
					.inNamespace(job.getMetadata().getNamespace())
					.withLabel(JOB_NAME, job.getMetadata().getName())
					.delete());
			}

		});
	}

	@Override
	public void close() {
		if (this.jobs != null) {
			this.jobs.close();
		}
		if (this.executor != null) {
			this.executor.shutdownNow();
		}
	}

	private static boolean isAgentJob(Job job) {
		Map<String, String> labels = job.getMetadata().getLabels();
		String component = (labels != null) ? labels.get(AgentJobs.COMPONENT) : null;
		return "backup".equals(component) || "restore".equals(component);
	}

	private void run(Job job) {
		Instant started = Instant.now();
		String failure = null;
		Path work = null;
		try {
			work = Files.createTempDirectory("simulated-job-");
			execute(job, work);
		}
		catch (IOException | RuntimeException ex) {
			failure = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		}
		finally {
			deleteQuietly(work);
		}
		report(job, started, failure);
	}

	private void execute(Job job, Path work) throws IOException {
		Map<String, String> env = new LinkedHashMap<>();
		for (EnvVar variable : job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
			if (variable.getValue() != null) {
				env.put(variable.getName(), variable.getValue());
			}
		}
		// each volume the Job mounts becomes a directory of this simulated pod
		Map<String, Path> volumes = new LinkedHashMap<>();
		for (String volume : BackupAgent.volumes(env.get(BackupAgent.VOLUMES)).keySet()) {
			volumes.put(volume, Files.createDirectories(work.resolve(volume)));
		}
		char[] passphrase = passphrase(job);
		String key = env.get(BackupAgent.KEY);
		if ("restore".equals(env.get(BackupAgent.MODE))) {
			for (Path volume : volumes.values()) {
				Files.writeString(volume.resolve("data-before-the-restore.txt"), "replaced by the restore");
			}
			BackupAgent.restore(this.store, key, env.get(BackupAgent.SHA256), volumes, passphrase);
		}
		else {
			sampleData(job, volumes);
			BackupAgent.backup(this.store, key, volumes, passphrase);
		}
	}

	private char[] passphrase(Job job) {
		Secret secret = this.client.secrets()
			.inNamespace(job.getMetadata().getNamespace())
			.withName(job.getMetadata().getName())
			.get();
		if (secret == null || secret.getData() == null || !secret.getData().containsKey("passphrase")) {
			throw new IllegalStateException("The Job's Secret with the backup passphrase is missing");
		}
		return new String(Base64.getDecoder().decode(secret.getData().get("passphrase")), StandardCharsets.UTF_8)
			.toCharArray();
	}

	/**
	 * A small, deterministic stand-in for an instance's data: the same instance always
	 * has the same files.
	 */
	private static void sampleData(Job job, Map<String, Path> volumes) throws IOException {
		String instance = job.getMetadata().getLabels().getOrDefault("mindroom.io/instance", "unknown");
		SplittableRandom random = new SplittableRandom(
				UUID.nameUUIDFromBytes(instance.getBytes()).getLeastSignificantBits());
		for (Map.Entry<String, Path> volume : volumes.entrySet()) {
			Files.writeString(volume.getValue().resolve("README.txt"),
					"Simulated " + volume.getKey() + " of instance " + instance + "\n");
			byte[] data = new byte[32 * 1024];
			random.nextBytes(data);
			Files.createDirectories(volume.getValue().resolve("db"));
			Files.write(volume.getValue().resolve("db/store.sqlite"), data);
		}
	}

	private void report(Job job, Instant started, String failure) {
		String time = Instant.now().toString();
		JobStatusBuilder status = new JobStatusBuilder().withStartTime(started.toString());
		JobStatus reported = (failure == null)
				? status.withSucceeded(1)
					.withCompletionTime(time)
					.withConditions(new JobConditionBuilder().withType("Complete").withStatus("True").build())
					.build()
				: status.withFailed(1)
					.withConditions(new JobConditionBuilder().withType("Failed")
						.withStatus("True")
						.withReason("BackoffLimitExceeded")
						.withMessage("Job has reached the specified backoff limit")
						.build())
					.build();
		try {
			if (failure != null) {
				this.client.pods()
					.inNamespace(job.getMetadata().getNamespace())
					.resource(failedPod(job, failure))
					.create();
			}
			Job live = this.client.batch()
				.v1()
				.jobs()
				.inNamespace(job.getMetadata().getNamespace())
				.withName(job.getMetadata().getName())
				.get();
			if (live != null) {
				this.client.batch()
					.v1()
					.jobs()
					.inNamespace(job.getMetadata().getNamespace())
					.resource(new JobBuilder(live).withStatus(reported).build())
					.updateStatus();
			}
			logger.info("Simulated Job {}/{} {}", job.getMetadata().getNamespace(), job.getMetadata().getName(),
					(failure == null) ? "completed" : "failed: " + failure);
		}
		catch (KubernetesClientException ex) {
			logger.warn("Could not report simulated Job {}/{}: {}", job.getMetadata().getNamespace(),
					job.getMetadata().getName(), ex.getMessage());
		}
	}

	/**
	 * The Job's pod as the kubelet leaves it when the agent fails: terminated, with the
	 * agent's reason as its termination message.
	 */
	private static Pod failedPod(Job job, String failure) {
		return new PodBuilder().withNewMetadata()
			.withName(job.getMetadata().getName() + "-" + UUID.randomUUID().toString().substring(0, 5))
			.withNamespace(job.getMetadata().getNamespace())
			.addToLabels(JOB_NAME, job.getMetadata().getName())
			.endMetadata()
			.withSpec(job.getSpec().getTemplate().getSpec())
			.withNewStatus()
			.withPhase("Failed")
			.addNewContainerStatus()
			.withName("agent")
			.withNewState()
			.withNewTerminated()
			.withExitCode(1)
			.withReason("Error")
			.withMessage(failure)
			.endTerminated()
			.endState()
			.endContainerStatus()
			.endStatus()
			.build();
	}

	private static void deleteQuietly(Path directory) {
		try {
			FileSystemUtils.deleteRecursively(directory);
		}
		catch (IOException ex) {
			logger.debug("Could not delete {}: {}", directory, ex.getMessage());
		}
	}

}
