package com.mindroom.provisioner.alerting;

import com.mindroom.common.notification.Notifications;
import com.mindroom.provisioner.backup.BackupScheduler;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform gauges, the alert conditions and the admin incident emails; the schedule
 * is switched off with the provisioner's other jobs
 * ({@code mindroom.provisioner.jobs.enabled=false}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertingProperties.class)
class AlertingConfiguration {

	@Bean
	PlatformReadings platformReadings(JdbcClient jdbc) {
		return new PlatformReadings(jdbc);
	}

	@Bean
	PlatformMetrics platformMetrics(PlatformReadings readings, AlertingProperties properties) {
		return new PlatformMetrics(readings, properties.drillWindow());
	}

	@Bean
	AlertConditions alertConditions(PlatformReadings readings, AlertingProperties properties, BackupScheduler backups) {
		return new AlertConditions(readings, properties, backups.notTaken().orElse(null));
	}

	@Bean
	AdminIncidents adminIncidents(JdbcClient jdbc, TransactionTemplate transactions, Notifications notifications,
			@Value("${mindroom.public-url}") String publicUrl, AlertingProperties properties) {
		return new AdminIncidents(jdbc, transactions, notifications, publicUrl, properties.emails());
	}

	@Bean
	@ConditionalOnProperty(name = "mindroom.provisioner.jobs.enabled", havingValue = "true", matchIfMissing = true)
	AlertingJob alertingJob(AlertConditions conditions, AdminIncidents incidents) {
		return new AlertingJob(conditions, incidents);
	}

}
