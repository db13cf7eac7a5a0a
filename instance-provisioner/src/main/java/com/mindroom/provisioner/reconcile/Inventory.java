package com.mindroom.provisioner.reconcile;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/**
 * The objects last applied to an instance (kept on its row as {@code applied_objects}),
 * what the sweep compares with the cluster.
 *
 * @param items the applied objects
 */
record Inventory(List<Item> items) {

	static Inventory of(List<HasMetadata> objects) {
		return new Inventory(objects.stream().map(Item::of).toList());
	}

	Set<String> kinds() {
		return this.items.stream().map(Item::kind).collect(Collectors.toSet());
	}

	long workloads() {
		return this.items.stream().filter(Item::workload).count();
	}

	/**
	 * One applied object.
	 *
	 * @param kind its kind
	 * @param name its name
	 * @param replicas the replicas of a workload, otherwise {@code null}
	 * @param generation the generation the API server gave an applied workload, whose
	 * status must reach it before the workload counts as rolled out
	 */
	record Item(String kind, String name, Integer replicas, Long generation) {

		static Item of(HasMetadata object) {
			Integer replicas = null;
			if (object instanceof Deployment deployment) {
				replicas = deployment.getSpec().getReplicas();
			}
			else if (object instanceof StatefulSet statefulSet) {
				replicas = statefulSet.getSpec().getReplicas();
			}
			Long generation = (replicas != null) ? object.getMetadata().getGeneration() : null;
			return new Item(object.getKind(), object.getMetadata().getName(), replicas, generation);
		}

		boolean workload() {
			return this.replicas != null;
		}

	}

}
