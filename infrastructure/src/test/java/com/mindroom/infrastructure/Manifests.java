package com.mindroom.infrastructure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Kubernetes objects of a rendered chart, as plain maps, with the few look-ups the
 * chart tests need.
 */
record Manifests(List<Map<String, Object>> objects) {

	@SuppressWarnings("unchecked")
	static Manifests parse(String rendered) {
		List<Map<String, Object>> objects = new ArrayList<>();
		for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(rendered)) {
			if (document instanceof Map<?, ?> map) {
				objects.add((Map<String, Object>) map);
			}
		}
		return new Manifests(objects);
	}

	List<Map<String, Object>> ofKind(String kind) {
		return this.objects.stream().filter((object) -> kind.equals(object.get("kind"))).toList();
	}

	Map<String, Object> get(String kind, String name) {
		return ofKind(kind).stream()
			.filter((object) -> name.equals(at(object, "metadata", "name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + names()));
	}

	List<String> names() {
		return this.objects.stream()
			.map((object) -> object.get("kind") + "/" + at(object, "metadata", "name"))
			.toList();
	}

	/** Every container (and init container) of every workload. */
	List<Map<String, Object>> containers() {
		List<Map<String, Object>> containers = new ArrayList<>();
		for (Map<String, Object> object : this.objects) {
			Map<String, Object> podSpec = podSpec(object);
			if (podSpec != null) {
				containers.addAll(list(podSpec.get("containers")));
				containers.addAll(list(podSpec.get("initContainers")));
			}
		}
		return containers;
	}

	static Map<String, Object> podSpec(Map<String, Object> object) {
		Object spec = at(object, "spec", "template", "spec");
		return (spec instanceof Map<?, ?>) ? map(spec) : null;
	}

	/** The value at a path of map keys, or null. */
	static Object at(Object node, String... path) {
		Object current = node;
		for (String key : path) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(key);
		}
		return current;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object node) {
		return (Map<String, Object>) Objects.requireNonNull(node);
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> list(Object node) {
		return (node != null) ? (List<Map<String, Object>>) node : List.of();
	}

}
