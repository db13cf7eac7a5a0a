package com.mindroom.provisioner.system;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import com.mindroom.common.security.SecretBox;
import com.mindroom.provisioner.chart.ChartProperties;
import com.mindroom.provisioner.chart.InstanceChart;
import com.mindroom.provisioner.chart.InstanceValues;
import com.mindroom.provisioner.health.HealthProperties;
import com.mindroom.provisioner.secret.TenantSecrets;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.StringUtils;

/**
 * The provisioner's settings, its chart and its tenant secrets.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ProvisionerProperties.class, KubernetesProperties.class, ChartProperties.class,
		HealthProperties.class })
class ProvisionerConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(ProvisionerConfiguration.class);

	@Bean(destroyMethod = "close")
	InstanceChart instanceChart(ChartProperties properties, JsonMapper json) {
		InstanceChart chart = InstanceChart.load(properties, json);
		chart.lint();
		return chart;
	}

	@Bean
	InstanceValues instanceValues(ChartProperties properties, JsonMapper json) {
		return new InstanceValues(properties, json);
	}

	@Bean
	TenantSecrets tenantSecrets(JdbcClient jdbc, SecretBox secretBox, JsonMapper json) {
		if (!secretBox.configured()) {
			logger.warn("MINDROOM_ENCRYPTION_KEY is not set: instances cannot be provisioned until it is");
		}
		return new TenantSecrets(jdbc, secretBox, json);
	}

	@Bean
	ReplicaId replicaId(ProvisionerProperties properties) {
		if (StringUtils.hasText(properties.replicaId())) {
			return new ReplicaId(properties.replicaId().trim());
		}
		return new ReplicaId(hostName() + "-" + UUID.randomUUID().toString().substring(0, 6));
	}

	private static String hostName() {
		String host = System.getenv("HOSTNAME");
		if (StringUtils.hasText(host)) {
			return host;
		}
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "provisioner";
		}
	}

}
