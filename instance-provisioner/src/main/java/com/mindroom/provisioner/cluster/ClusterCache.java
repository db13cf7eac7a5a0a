package com.mindroom.provisioner.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A watched cache (fabric8 informers) of everything the provisioner owns, as a Kubernetes
 * controller keeps one: the periodic sweep compares instances with it without calling the
 * API server, and a deleted object or a workload whose status changed wakes its
 * instance's reconcile at once. Only workloads are kept whole; of other kinds (Secrets
 * included) only the metadata is cached.
 */
public class ClusterCache implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ClusterCache.class);

	private final KubernetesClient client;

	private final Consumer<UUID> onChange;

	private final List<SharedIndexInformer<? extends HasMetadata>> informers = new ArrayList<>();

	public ClusterCache(KubernetesClient client, Consumer<UUID> onChange) {
		this.client = client;
		this.onChange = onChange;
	}

	/**
	 * Starts watching; the cache is usable once {@link #synced()}.
	 */
	public synchronized void start() {
		if (!this.informers.isEmpty()) {
			return;
		}
		SharedIndexInformer<Namespace> namespaces = this.client.namespaces()
			.withLabel(Ownership.MANAGED_BY, Ownership.MANAGER)
			.runnableInformer(0);
		start(namespaces, Namespace.class);
		OwnedKinds.NAMESPACED.forEach(this::watch);
		logger.info("Watching {} kinds of objects owned by the provisioner", this.informers.size());
	}

	private <T extends HasMetadata> void watch(Class<T> kind) {
		start(this.client.resources(kind)
			.inAnyNamespace()
			.withLabel(Ownership.MANAGED_BY, Ownership.MANAGER)
			.runnableInformer(0), kind);
	}

	private <T extends HasMetadata> void start(SharedIndexInformer<T> informer, Class<T> kind) {
		if (kind != Deployment.class && kind != StatefulSet.class) {
			informer.itemStore(new MetadataOnlyStore<>(kind));
		}
		informer.addEventHandler(new ChangeHandler<>());
		informer.start();
		this.informers.add(informer);
	}

	public boolean synced() {
		return !this.informers.isEmpty() && this.informers.stream().allMatch(SharedIndexInformer::hasSynced);
	}

	/**
	 * Finds an owned object in the cache.
	 * @param kind its kind
	 * @param namespace its namespace ({@code null} for a namespace itself)
	 * @param name its name
	 * @return the cached object (only metadata, except for workloads), or {@code null}
	 */
	public HasMetadata find(Class<? extends HasMetadata> kind, String namespace, String name) {
		String key = (namespace != null) ? namespace + "/" + name : name;
		return this.informers.stream()
			.filter((informer) -> informer.getApiTypeClass() == kind)
			.map((informer) -> (HasMetadata) informer.getStore().getByKey(key))
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	/**
	 * The cached workloads of a namespace.
	 * @param namespace the namespace
	 * @return their rollout states
	 */
	public List<Workload> workloads(String namespace) {
		List<Workload> workloads = new ArrayList<>();
		for (SharedIndexInformer<? extends HasMetadata> informer : this.informers) {
			Class<? extends HasMetadata> kind = informer.getApiTypeClass();
			if (kind != Deployment.class && kind != StatefulSet.class) {
				continue;
			}
			for (HasMetadata object : informer.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace)) {
				workloads.add((object instanceof Deployment deployment) ? Workload.of(deployment)
						: Workload.of((StatefulSet) object));
			}
		}
		return workloads;
	}

	@Override
	public synchronized void close() {
		this.informers.forEach(SharedIndexInformer::close);
		this.informers.clear();
	}

	/**
	 * Wakes an instance when one of its objects is deleted or a workload's status
	 * changes; additions (the provisioner's own) wake nobody.
	 */
	private final class ChangeHandler<T extends HasMetadata> implements ResourceEventHandler<T> {

		@Override
		public void onAdd(T object) {
		}

		@Override
		public void onUpdate(T before, T after) {
			if (statusChanged(before, after)) {
				Ownership.instanceOf(after).ifPresent(ClusterCache.this.onChange);
			}
		}

		@Override
		public void onDelete(T object, boolean finalStateUnknown) {
			Ownership.instanceOf(object).ifPresent(ClusterCache.this.onChange);
		}

		private boolean statusChanged(T before, T after) {
			if (before instanceof Deployment || before instanceof StatefulSet) {
				Workload was = (before instanceof Deployment deployment) ? Workload.of(deployment)
						: Workload.of((StatefulSet) before);
				Workload now = (after instanceof Deployment deployment) ? Workload.of(deployment)
						: Workload.of((StatefulSet) after);
				return was.settled() != now.settled() || was.ready() != now.ready();
			}
			return false;
		}

	}

}
