package com.mindroom.provisioner.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * The labels that mark what the provisioner owns: every object it creates carries the
 * platform's {@code managed-by} label and its instance's id, so it can find, prune and
 * delete them, and objects in the simulated cluster say so.
 */
public final class Ownership {

	public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

	public static final String MANAGER = "mindroom-provisioner";

	public static final String INSTANCE = "mindroom.io/instance";

	public static final String ACCOUNT = "mindroom.io/account";

	public static final String PLAN = "mindroom.io/plan";

	public static final String SIMULATED = "mindroom.io/simulated";

	/** Annotation: the chart (name and version) an object was rendered from. */
	public static final String CHART = "mindroom.io/chart";

	/** Helm's annotation that keeps an object when its chart stops rendering it. */
	public static final String RESOURCE_POLICY = "helm.sh/resource-policy";

	private Ownership() {
	}

	/**
	 * The labels every object of a tenant carries.
	 * @param tenant the tenant
	 * @param simulated whether the cluster is the simulated one
	 * @return the labels
	 */
	public static Map<String, String> labels(Tenant tenant, boolean simulated) {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put(MANAGED_BY, MANAGER);
		labels.put(INSTANCE, tenant.instanceId().toString());
		labels.put(ACCOUNT, tenant.accountId().toString());
		if (simulated) {
			labels.put(SIMULATED, "true");
		}
		return labels;
	}

	/**
	 * The instance an owned object belongs to.
	 * @param object an object from the cluster
	 * @return its instance id, if it carries a valid one
	 */
	public static Optional<UUID> instanceOf(HasMetadata object) {
		Map<String, String> labels = object.getMetadata().getLabels();
		String value = (labels != null) ? labels.get(INSTANCE) : null;
		try {
			return Optional.ofNullable(value).map(UUID::fromString);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
