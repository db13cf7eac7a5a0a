package com.mindroom.provisioner.reconcile;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

import com.mindroom.provisioner.chart.InstanceValues;
import com.mindroom.provisioner.cluster.ClusterCache;
import com.mindroom.provisioner.cluster.OwnedKinds;

/**
 * Compares a settled instance's applied objects with the watched cluster cache, without
 * calling the API server: a missing namespace, Secret or object, or a workload scaled by
 * hand, is drift the sweep repairs by applying again.
 */
class DriftCheck {

	private final ClusterCache cache;

	DriftCheck(ClusterCache cache) {
		this.cache = cache;
	}

	/**
	 * Finds what differs between the cluster and what was applied.
	 * @param claim the settled instance
	 * @return readable descriptions of the differences (empty when none)
	 */
	List<String> of(Claim claim) {
		List<String> drift = new ArrayList<>();
		String namespace = claim.namespace();
		if (this.cache.find(Namespace.class, null, namespace) == null) {
			drift.add("namespace " + namespace + " is missing");
			return drift;
		}
		if (this.cache.find(Secret.class, namespace, InstanceValues.SECRET_NAME) == null) {
			drift.add("the tenant secret is missing");
		}
		for (Inventory.Item item : claim.inventory().items()) {
			Class<? extends HasMetadata> kind = OwnedKinds.byKind(item.kind());
			HasMetadata live = (kind != null) ? this.cache.find(kind, namespace, item.name()) : null;
			if (kind != null && live == null) {
				drift.add(item.kind() + " " + item.name() + " is missing");
			}
			else if (item.workload() && replicas(live) != item.replicas()) {
				drift.add(item.kind() + " " + item.name() + " has " + replicas(live) + " replicas instead of "
						+ item.replicas());
			}
		}
		return drift;
	}

	private static int replicas(HasMetadata workload) {
		Integer replicas = null;
		if (workload instanceof Deployment deployment) {
			replicas = deployment.getSpec().getReplicas();
		}
		else if (workload instanceof StatefulSet statefulSet) {
			replicas = statefulSet.getSpec().getReplicas();
		}
		return (replicas != null) ? replicas : 1;
	}

}
