package com.mindroom.provisioner.chart;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.json.JsonMapper;

import com.mindroom.common.plan.Limits;
import com.mindroom.common.plan.Plan;
import com.mindroom.common.plan.ResourceProfile;

import org.springframework.util.StringUtils;

/**
 * Computes an instance's chart values from the instance, its plan (limits, resource
 * profile, volume size) and the platform-wide chart settings. Values never hold secrets:
 * the chart refers to the tenant Secret by name.
 */
public class InstanceValues {

	/** The tenant Secret the provisioner creates before the chart's objects. */
	public static final String SECRET_NAME = "mindroom-tenant";

	private final ChartProperties properties;

	private final JsonMapper json;

	public InstanceValues(ChartProperties properties, JsonMapper json) {
		this.properties = properties;
		this.json = json;
	}

	public ChartValues of(ChartInstance instance, Plan plan) {
		Map<String, Object> values = new TreeMap<>();
		values.put("instance", map("id", instance.id().toString(), "accountId", instance.accountId().toString(), "slug",
				instance.slug(), "plan", plan.id(), "host", instance.host(), "matrixHost", instance.matrixHost()));
		values.put("secretName", SECRET_NAME);
		values.put("replicas", instance.running() ? 1 : 0);
		values.put("restartedAt", (instance.restartedAt() != null) ? instance.restartedAt().toString() : "");
		values.put("limits", limits(plan.limits()));
		ResourceProfile resources = plan.resources();
		values.put("resources", map("requests", map("cpu", resources.cpuRequest(), "memory", resources.memoryRequest()),
				"limits", map("cpu", resources.cpuLimit(), "memory", resources.memoryLimit())));
		values.put("quota", map("cpu", resources.quotaCpu(), "memory", resources.quotaMemory()));
		values.put("storage", storage(resources));
		platformValues(values);
		return new ChartValues(values, hash(values));
	}

	private static Map<String, Object> limits(Limits limits) {
		return map("agents", limits.agents(), "messagesPerDay", limits.messagesPerDay(), "storageGb",
				limits.storageGb());
	}

	private Map<String, Object> storage(ResourceProfile resources) {
		Map<String, Object> storage = map("size", resources.volumeSize());
		putIfSet(storage, "className", this.properties.storageClass());
		return storage;
	}

	private void platformValues(Map<String, Object> values) {
		Map<String, Object> image = map();
		putIfSet(image, "repository", this.properties.image());
		putIfSet(image, "tag", this.properties.imageTag());
		Map<String, Object> matrixImage = map();
		putIfSet(matrixImage, "repository", this.properties.matrixImage());
		putIfSet(matrixImage, "tag", this.properties.matrixImageTag());
		Map<String, Object> ingress = map();
		putIfSet(ingress, "className", this.properties.ingressClass());
		Map<String, Object> tls = map();
		putIfSet(tls, "clusterIssuer", this.properties.clusterIssuer());
		putIfSet(tls, "wildcardSecretName", this.properties.wildcardSecret());
		Map<String, Object> network = map();
		putIfSet(network, "platformNamespace", this.properties.platformNamespace());
		putIfSet(network, "ingressControllerNamespace", this.properties.ingressControllerNamespace());
		values.put("image", image);
		values.put("matrix", map("image", matrixImage));
		values.put("ingress", ingress);
		values.put("tls", tls);
		values.put("networkPolicy", network);
	}

	private String hash(Map<String, Object> values) {
		try {
			byte[] canonical = this.json.writeValueAsString(values).getBytes(StandardCharsets.UTF_8);
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void putIfSet(Map<String, Object> map, String key, String value) {
		if (StringUtils.hasText(value)) {
			map.put(key, value.trim());
		}
	}

	private static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new TreeMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

}
