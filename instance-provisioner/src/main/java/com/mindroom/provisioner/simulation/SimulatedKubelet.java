package com.mindroom.provisioner.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.provisioner.cluster.Workload;

/**
 * Plays the part of the kubelets and workload controllers the simulated cluster lacks:
 * after a short delay (so progress is visible) it reports every Deployment and
 * StatefulSet as rolled out, with all its replicas ready (none when scaled to zero), and
 * says in a status condition that no pod really runs. It watches the workloads and writes
 * their status like any other client (a stale copy is simply retried); the reconciler
 * never knows it exists.
 */
class SimulatedKubelet implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(SimulatedKubelet.class);

	private static final String REASON = "SimulatedKubelet";

	private static final String MESSAGE = "Simulated cluster: marked ready without running pods";

	private final KubernetesClient client;

	private final Duration delay;

	private final Set<String> scheduled = ConcurrentHashMap.newKeySet();

	private ScheduledExecutorService executor;

	private SharedIndexInformer<Deployment> deployments;

	private SharedIndexInformer<StatefulSet> statefulSets;

	SimulatedKubelet(KubernetesClient client, Duration delay) {
		this.client = client;
		this.delay = delay;
	}

	void start() {
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> new Thread(task, "simulated-kubelet"));
		this.deployments = this.client.apps().deployments().inAnyNamespace().inform(new Handler<>(Deployment.class));
		this.statefulSets = this.client.apps().statefulSets().inAnyNamespace().inform(new Handler<>(StatefulSet.class));
	}

	@Override
	public void close() {
		if (this.deployments != null) {
			this.deployments.close();
			this.statefulSets.close();
		}
		if (this.executor != null) {
			this.executor.shutdownNow();
		}
	}

	private void schedule(Class<? extends HasMetadata> kind, String namespace, String name, Duration after) {
		String key = kind.getSimpleName() + "/" + namespace + "/" + name;
		if (this.scheduled.add(key)) {
			long jitter = ThreadLocalRandom.current().nextLong(Math.max(1, after.toMillis() / 2 + 1));
			this.executor.schedule(() -> {
				this.scheduled.remove(key);
				converge(kind, namespace, name);
			}, after.toMillis() + jitter, TimeUnit.MILLISECONDS);
		}
	}

	private void converge(Class<? extends HasMetadata> kind, String namespace, String name) {
		try {
			String key = namespace + "/" + name;
			if (kind == Deployment.class) {
				Deployment deployment = this.deployments.getStore().getByKey(key);
				if (deployment != null && !Workload.of(deployment).settled()) {
					Deployment ready = new DeploymentBuilder(deployment).withStatus(deploymentStatus(deployment))
						.build();
					this.client.apps().deployments().inNamespace(namespace).resource(ready).updateStatus();
				}
			}
			else {
				StatefulSet statefulSet = this.statefulSets.getStore().getByKey(key);
				if (statefulSet != null && !Workload.of(statefulSet).settled()) {
					StatefulSet ready = new StatefulSetBuilder(statefulSet).withStatus(statefulSetStatus(statefulSet))
						.build();
					this.client.apps().statefulSets().inNamespace(namespace).resource(ready).updateStatus();
				}
			}
		}
		catch (KubernetesClientException ex) {
			logger.debug("Simulated kubelet retries {} {}/{}: {}", kind.getSimpleName(), namespace, name,
					ex.getMessage());
			schedule(kind, namespace, name, this.delay);
		}
	}

	private static DeploymentStatus deploymentStatus(Deployment deployment) {
		int replicas = replicas(deployment.getSpec().getReplicas());
		return new DeploymentStatusBuilder().withReplicas(replicas)
			.withReadyReplicas(replicas)
			.withAvailableReplicas(replicas)
			.withUpdatedReplicas(replicas)
			.withObservedGeneration(deployment.getMetadata().getGeneration())
			.withConditions(new DeploymentConditionBuilder().withType("Available")
				.withStatus("True")
				.withReason(REASON)
				.withMessage(MESSAGE)
				.withLastUpdateTime(Instant.now().toString())
				.build())
			.build();
	}

	private static StatefulSetStatus statefulSetStatus(StatefulSet statefulSet) {
		int replicas = replicas(statefulSet.getSpec().getReplicas());
		return new StatefulSetStatusBuilder().withReplicas(replicas)
			.withReadyReplicas(replicas)
			.withAvailableReplicas(replicas)
			.withUpdatedReplicas(replicas)
			.withCurrentReplicas(replicas)
			.withObservedGeneration(statefulSet.getMetadata().getGeneration())
			.build();
	}

	private static int replicas(Integer replicas) {
		return (replicas != null) ? replicas : 1;
	}

	/**
	 * Schedules a workload whose status does not match its spec.
	 */
	private final class Handler<T extends HasMetadata> implements ResourceEventHandler<T> {

		private final Class<T> kind;

		Handler(Class<T> kind) {
			this.kind = kind;
		}

		@Override
		public void onAdd(T object) {
			check(object);
		}

		@Override
		public void onUpdate(T before, T after) {
			check(after);
		}

		@Override
		public void onDelete(T object, boolean finalStateUnknown) {
		}

		private void check(T object) {
			Workload workload = (object instanceof Deployment deployment) ? Workload.of(deployment)
					: Workload.of((StatefulSet) object);
			if (!workload.settled()) {
				schedule(this.kind, object.getMetadata().getNamespace(), object.getMetadata().getName(),
						SimulatedKubelet.this.delay);
			}
		}

	}

}
