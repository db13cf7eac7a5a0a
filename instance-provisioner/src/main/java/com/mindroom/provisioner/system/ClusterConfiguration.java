package com.mindroom.provisioner.system;

import java.io.File;
import java.util.Locale;
import java.util.Map;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.provisioner.cluster.ClusterCache;
import com.mindroom.provisioner.cluster.ClusterInfo;
import com.mindroom.provisioner.cluster.TenantCluster;
import com.mindroom.provisioner.reconcile.InstanceWakeups;
import com.mindroom.provisioner.simulation.SimulatedCluster;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The Kubernetes client of the configured mode ({@code mindroom.kubernetes.mode}): the
 * embedded simulated cluster by default, a kubeconfig file, or the service account of the
 * pod the provisioner runs in. Everything else is the same for every mode.
 */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(ClusterConfiguration.class);

	@Bean(initMethod = "start", destroyMethod = "close")
	@ConditionalOnProperty(name = "mindroom.kubernetes.mode", havingValue = "simulated", matchIfMissing = true)
	SimulatedCluster simulatedCluster(KubernetesProperties properties) {
		return new SimulatedCluster(properties.simulated().host(), properties.simulated().port(),
				properties.simulated().readyDelay());
	}

	@Bean(destroyMethod = "close")
	KubernetesClient kubernetesClient(KubernetesProperties properties, ObjectProvider<SimulatedCluster> simulated) {
		Config base = switch (properties.mode()) {
			case SIMULATED -> simulated.getObject().config();
			case KUBECONFIG -> kubeconfig(properties);
			case IN_CLUSTER -> Config.autoConfigure(null);
		};
		Config config = new ConfigBuilder(base).withRequestTimeout((int) properties.requestTimeout().toMillis())
			.withConnectionTimeout((int) properties.connectTimeout().toMillis())
			.withRequestRetryBackoffLimit(properties.requestRetries())
			.build();
		logger.info("Kubernetes cluster ({} mode) at {}", properties.mode(), config.getMasterUrl());
		return new KubernetesClientBuilder().withConfig(config).build();
	}

	private static Config kubeconfig(KubernetesProperties properties) {
		if (!StringUtils.hasText(properties.kubeconfig())) {
			throw new IllegalStateException("mindroom.kubernetes.mode=kubeconfig needs a kubeconfig file (KUBECONFIG)");
		}
		File file = new File(properties.kubeconfig());
		return StringUtils.hasText(properties.context()) ? Config.fromKubeconfig(properties.context(), file)
				: Config.fromKubeconfig(file);
	}

	@Bean
	ClusterInfo clusterInfo(KubernetesProperties properties, KubernetesClient client) {
		return new ClusterInfo(properties.mode(), client.getMasterUrl().toString());
	}

	@Bean
	TenantCluster tenantCluster(KubernetesClient client, ClusterInfo clusterInfo, ClusterCache cache) {
		return new TenantCluster(client, clusterInfo, cache);
	}

	@Bean(initMethod = "start", destroyMethod = "close")
	ClusterCache clusterCache(KubernetesClient client, InstanceWakeups wakeups) {
		return new ClusterCache(client, wakeups::request);
	}

	@Bean
	InfoContributor clusterInfoContributor(ClusterInfo clusterInfo) {
		return (info) -> info.withDetail("cluster",
				Map.of("mode", clusterInfo.mode().name().toLowerCase(Locale.ROOT).replace('_', '-'), "simulated",
						clusterInfo.simulated(), "apiServer", clusterInfo.apiServer()));
	}

}
