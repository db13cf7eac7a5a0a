package com.mindroom.common.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The metric names a service must export because the platform chart's alerts use them,
 * from {@code infrastructure/helm/platform/exported-metrics.yaml} (the chart's tests
 * check the alerts against the same list).
 */
public final class ExportedMetrics {

	private ExportedMetrics() {
	}

	/**
	 * The names listed for a service.
	 * @param service the service ({@code instance-provisioner}, {@code stripe-handler})
	 * @return its metric names as Prometheus shows them
	 */
	@SuppressWarnings("unchecked")
	public static List<String> of(String service) {
		try {
			String text = Files
				.readString(Repository.root().resolve("infrastructure/helm/platform/exported-metrics.yaml"));
			Map<String, List<String>> lists = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
			List<String> names = lists.get(service);
			if (names == null || names.isEmpty()) {
				throw new IllegalArgumentException("exported-metrics.yaml lists nothing for " + service);
			}
			return names;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
