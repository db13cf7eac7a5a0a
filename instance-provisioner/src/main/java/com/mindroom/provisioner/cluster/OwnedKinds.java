package com.mindroom.provisioner.cluster;

import java.util.List;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

/**
 * The namespaced kinds the provisioner manages in a tenant namespace, in the order Helm
 * installs them (policies and quotas before the workloads they govern).
 */
public final class OwnedKinds {

	/** Every namespaced kind the instance chart may render, plus the tenant Secret. */
	public static final List<Class<? extends HasMetadata>> NAMESPACED = List.of(NetworkPolicy.class,
			ResourceQuota.class, LimitRange.class, ServiceAccount.class, Secret.class, ConfigMap.class,
			PersistentVolumeClaim.class, Service.class, StatefulSet.class, Deployment.class, Ingress.class);

	private OwnedKinds() {
	}

	/**
	 * Where a kind comes in the apply order; kinds the provisioner does not know come
	 * last.
	 * @param object a rendered object
	 * @return its rank
	 */
	public static int rank(HasMetadata object) {
		for (int i = 0; i < NAMESPACED.size(); i++) {
			if (NAMESPACED.get(i).getSimpleName().equals(object.getKind())) {
				return i;
			}
		}
		return NAMESPACED.size();
	}

	/**
	 * The class of a kind the provisioner manages.
	 * @param kind the kind's name
	 * @return its class, or {@code null} when it is not managed
	 */
	public static Class<? extends HasMetadata> byKind(String kind) {
		return NAMESPACED.stream().filter((type) -> type.getSimpleName().equals(kind)).findFirst().orElse(null);
	}

}
