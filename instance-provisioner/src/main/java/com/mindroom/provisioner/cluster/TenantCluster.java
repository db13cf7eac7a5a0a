package com.mindroom.provisioner.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;

/**
 * What the provisioner does in a tenant's namespace, through the Kubernetes API: create
 * the namespace and the tenant Secret, apply the rendered objects
 * ({@code createOr(update)}, the same calls on every cluster), prune what the chart no
 * longer renders, read workload readiness, and delete. Every call is idempotent, so a
 * pass that failed half-way is simply run again.
 */
public class TenantCluster {

	private static final Map<String, String> POD_SECURITY = Map.of("pod-security.kubernetes.io/enforce", "restricted",
			"pod-security.kubernetes.io/enforce-version", "latest");

	private final KubernetesClient client;

	private final ClusterInfo cluster;

	private final ClusterCache cache;

	public TenantCluster(KubernetesClient client, ClusterInfo cluster, ClusterCache cache) {
		this.client = client;
		this.cluster = cluster;
		this.cache = cache;
	}

	public boolean namespaceExists(Tenant tenant) {
		return this.client.namespaces().withName(tenant.namespace()).get() != null;
	}

	/**
	 * Creates the tenant's namespace, or brings its labels (account, plan) up to date.
	 * The watched cache tells whether it exists, so the usual cases cost one API call or
	 * none.
	 * @param tenant the tenant
	 * @param beforeCreate runs right before the namespace is created
	 * @return whether the namespace was created
	 */
	public boolean ensureNamespace(Tenant tenant, Runnable beforeCreate) {
		Map<String, String> labels = namespaceLabels(tenant);
		HasMetadata live = this.cache.find(Namespace.class, null, tenant.namespace());
		if (live == null) {
			live = this.client.namespaces().withName(tenant.namespace()).get();
		}
		if (live == null) {
			beforeCreate.run();
			this.client
				.resource(new NamespaceBuilder().withNewMetadata()
					.withName(tenant.namespace())
					.withLabels(labels)
					.endMetadata()
					.build())
				.createOr(NonDeletingOperation::update);
			return true;
		}
		Map<String, String> current = Objects.requireNonNullElse(live.getMetadata().getLabels(), Map.of());
		if (!current.entrySet().containsAll(labels.entrySet())) {
			this.client.namespaces().withName(tenant.namespace()).edit((namespace) -> withLabels(namespace, labels));
		}
		return false;
	}

	/**
	 * Writes the tenant Secret (created before the chart's objects, which refer to it by
	 * name).
	 * @param tenant the tenant
	 * @param name the Secret's name
	 * @param values its values, never logged
	 * @param beforeCreate runs right before the Secret is created
	 */
	public void applySecret(Tenant tenant, String name, Map<String, String> values, Runnable beforeCreate) {
		if (this.cache.find(Secret.class, tenant.namespace(), name) == null) {
			beforeCreate.run();
		}
		Secret secret = new SecretBuilder().withNewMetadata()
			.withName(name)
			.withNamespace(tenant.namespace())
			.withLabels(Ownership.labels(tenant, this.cluster.simulated()))
			.endMetadata()
			.withType("Opaque")
			.withStringData(values)
			.build();
		this.client.resource(secret).createOr(NonDeletingOperation::update);
	}

	/**
	 * Applies rendered objects to the tenant's namespace in Helm's install order,
	 * labelled as owned by the platform and the instance.
	 * @param tenant the tenant
	 * @param objects the rendered objects
	 * @param chart the chart they come from ({@code name-version})
	 * @return the objects as the API server stored them (with their generations)
	 */
	public List<HasMetadata> apply(Tenant tenant, List<HasMetadata> objects, String chart) {
		Map<String, String> labels = Ownership.labels(tenant, this.cluster.simulated());
		List<HasMetadata> ordered = new ArrayList<>(objects);
		ordered.sort(Comparator.comparingInt(OwnedKinds::rank));
		List<HasMetadata> applied = new ArrayList<>();
		for (HasMetadata object : ordered) {
			object.getMetadata().setNamespace(tenant.namespace());
			object.getMetadata().setLabels(merged(object.getMetadata().getLabels(), labels));
			object.getMetadata()
				.setAnnotations(merged(object.getMetadata().getAnnotations(), Map.of(Ownership.CHART, chart)));
			if (object instanceof PersistentVolumeClaim claim) {
				applied.add(applyClaim(tenant, claim));
			}
			else {
				applied.add(this.client.resource(object)
					.inNamespace(tenant.namespace())
					.createOr(NonDeletingOperation::update));
			}
		}
		return applied;
	}

	/**
	 * A volume claim is created once; afterwards only its labels and a larger size are
	 * applied (the rest of a bound claim's spec cannot change).
	 */
	private PersistentVolumeClaim applyClaim(Tenant tenant, PersistentVolumeClaim claim) {
		return this.client.resource(claim)
			.inNamespace(tenant.namespace())
			.createOr((existing) -> existing.edit((live) -> {
				live.getMetadata().setLabels(merged(live.getMetadata().getLabels(), claim.getMetadata().getLabels()));
				Quantity wanted = claim.getSpec().getResources().getRequests().get("storage");
				Quantity current = live.getSpec().getResources().getRequests().get("storage");
				if (wanted != null && (current == null
						|| Quantity.getAmountInBytes(wanted).compareTo(Quantity.getAmountInBytes(current)) > 0)) {
					live.getSpec().getResources().getRequests().put("storage", wanted);
				}
				return live;
			}));
	}

	/**
	 * Deletes the tenant's owned objects that are not among the rendered ones, except the
	 * tenant Secret and objects Helm would keep ({@code helm.sh/resource-policy: keep}).
	 * @param tenant the tenant
	 * @param rendered the objects the chart renders now
	 * @param secretName the tenant Secret's name
	 * @return the objects deleted, as {@code Kind/name}
	 */
	public List<String> prune(Tenant tenant, List<HasMetadata> rendered, String secretName) {
		Set<String> wanted = rendered.stream().map(TenantCluster::key).collect(Collectors.toSet());
		wanted.add("Secret/" + secretName);
		List<String> pruned = new ArrayList<>();
		for (HasMetadata live : owned(tenant)) {
			if (!wanted.contains(key(live)) && !kept(live)) {
				this.client.resource(live).inNamespace(tenant.namespace()).delete();
				pruned.add(key(live));
			}
		}
		return pruned;
	}

	/**
	 * Deletes the tenant's owned objects, for a reprovision (keeping volumes and the
	 * Secret) or a deletion.
	 * @param tenant the tenant
	 * @param keepData whether volume claims and the tenant Secret stay
	 * @return the objects deleted, as {@code Kind/name}
	 */
	public List<String> deleteOwned(Tenant tenant, boolean keepData) {
		List<String> deleted = new ArrayList<>();
		for (HasMetadata live : owned(tenant)) {
			if (!keepData || !(live instanceof PersistentVolumeClaim || live instanceof Secret)) {
				this.client.resource(live).inNamespace(tenant.namespace()).delete();
				deleted.add(key(live));
			}
		}
		return deleted;
	}

	/**
	 * Keeps the tenant's volumes when its namespace goes: their reclaim policy becomes
	 * {@code Retain} and they are labelled with the instance, so an operator can restore
	 * them.
	 * @param tenant the tenant
	 * @return the volumes kept
	 */
	public List<String> retainVolumes(Tenant tenant) {
		List<String> kept = new ArrayList<>();
		for (PersistentVolumeClaim claim : this.client.persistentVolumeClaims()
			.inNamespace(tenant.namespace())
			.withLabel(Ownership.INSTANCE, tenant.instanceId().toString())
			.list()
			.getItems()) {
			String volume = claim.getSpec().getVolumeName();
			if (volume != null && !volume.isBlank()) {
				this.client.persistentVolumes().withName(volume).edit((pv) -> {
					pv.getSpec().setPersistentVolumeReclaimPolicy("Retain");
					pv.getMetadata()
						.setLabels(merged(pv.getMetadata().getLabels(),
								Map.of(Ownership.INSTANCE, tenant.instanceId().toString())));
					return pv;
				});
				kept.add(volume);
			}
		}
		return kept;
	}

	/**
	 * Deletes the tenant's namespace.
	 * @param tenant the tenant
	 * @return whether it is gone already (a real cluster takes a while to terminate it)
	 */
	public boolean deleteNamespace(Tenant tenant) {
		this.client.namespaces().withName(tenant.namespace()).delete();
		return !namespaceExists(tenant);
	}

	private List<HasMetadata> owned(Tenant tenant) {
		List<HasMetadata> owned = new ArrayList<>();
		for (Class<? extends HasMetadata> kind : OwnedKinds.NAMESPACED) {
			owned.addAll(this.client.resources(kind)
				.inNamespace(tenant.namespace())
				.withLabel(Ownership.INSTANCE, tenant.instanceId().toString())
				.list()
				.getItems());
		}
		return owned;
	}

	private Map<String, String> namespaceLabels(Tenant tenant) {
		Map<String, String> labels = new LinkedHashMap<>(Ownership.labels(tenant, this.cluster.simulated()));
		labels.put(Ownership.PLAN, tenant.plan());
		labels.putAll(POD_SECURITY);
		return labels;
	}

	private static Namespace withLabels(Namespace namespace, Map<String, String> labels) {
		namespace.getMetadata().setLabels(merged(namespace.getMetadata().getLabels(), labels));
		return namespace;
	}

	private static boolean kept(HasMetadata object) {
		Map<String, String> annotations = object.getMetadata().getAnnotations();
		return annotations != null && "keep".equals(annotations.get(Ownership.RESOURCE_POLICY));
	}

	static String key(HasMetadata object) {
		return object.getKind() + "/" + object.getMetadata().getName();
	}

	private static Map<String, String> merged(Map<String, String> base, Map<String, String> extra) {
		Map<String, String> merged = new HashMap<>((base != null) ? base : Map.of());
		merged.putAll(extra);
		return merged;
	}

}
