package com.mindroom.common.cluster;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every service knows whether the cluster is the simulated one from the cluster mode.
 */
class ClusterEnvironmentPostProcessorTests {

	@Test
	void theEmbeddedDefaultIsTheSimulatedCluster() {
		assertThat(simulated(Map.of())).isEqualTo("true");
		assertThat(simulated(Map.of("mindroom.kubernetes.mode", "simulated"))).isEqualTo("true");
	}

	@Test
	void aRealClusterIsNotSimulated() {
		assertThat(simulated(Map.of("mindroom.kubernetes.mode", "in-cluster"))).isEqualTo("false");
		assertThat(simulated(Map.of("mindroom.kubernetes.mode", "kubeconfig"))).isEqualTo("false");
	}

	@Test
	void anExplicitSettingWins() {
		assertThat(simulated(Map.of("mindroom.kubernetes.mode", "in-cluster", "mindroom.cluster.simulated", "true")))
			.isEqualTo("true");
	}

	private static String simulated(Map<String, Object> settings) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("settings", settings));
		new ClusterEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		return environment.getProperty("mindroom.cluster.simulated");
	}

}
