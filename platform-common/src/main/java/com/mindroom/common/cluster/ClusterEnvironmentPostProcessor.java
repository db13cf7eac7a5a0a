package com.mindroom.common.cluster;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Derives {@code mindroom.cluster.simulated} from {@code mindroom.kubernetes.mode}
 * ({@code MINDROOM_KUBERNETES_MODE}, default {@code simulated}), so the portal and the
 * admin dashboard can show a "simulated cluster" badge from the same setting the
 * provisioner uses, without asking it. An explicit {@code mindroom.cluster.simulated}
 * wins.
 */
class ClusterEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String NAME = "mindroom-cluster";

	static final String MODE = "mindroom.kubernetes.mode";

	static final String SIMULATED = "mindroom.cluster.simulated";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getPropertySources().contains(NAME)) {
			return;
		}
		String mode = environment.getProperty(MODE, "simulated").trim().toLowerCase(Locale.ROOT);
		environment.getPropertySources()
			.addLast(new MapPropertySource(NAME, Map.of(SIMULATED, "simulated".equals(mode))));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
