package com.mindroom.provisioner.restore;

import io.fabric8.kubernetes.client.KubernetesClient;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import com.mindroom.common.lifecycle.DesiredStateSync;
import com.mindroom.provisioner.backup.AgentJobs;
import com.mindroom.provisioner.backup.BackupProperties;
import com.mindroom.provisioner.secret.TenantSecrets;
import com.mindroom.provisioner.reconcile.InstanceEvents;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Restores and the weekly drill, and their schedule.
 */
@Configuration(proxyBeanMethods = false)
class RestoreConfiguration {

	@Bean
	RestoreOutcomes restoreOutcomes(JdbcClient jdbc, DesiredStateSync desiredStates, AgentJobs jobs,
			KubernetesClient client, InstanceEvents events) {
		return new RestoreOutcomes(jdbc, desiredStates, jobs, client, events);
	}

	@Bean
	RestoreRunner restoreRunner(JdbcClient jdbc, DesiredStateSync desiredStates, AgentJobs jobs, TenantSecrets secrets,
			InstanceEvents events, RestoreOutcomes outcomes, BackupProperties properties) {
		return new RestoreRunner(jdbc, desiredStates, jobs, secrets, events, outcomes, properties);
	}

	@Bean
	RestoreDrill restoreDrill(JdbcClient jdbc, KubernetesClient client, AgentJobs jobs, TenantSecrets secrets,
			BackupProperties properties) {
		return new RestoreDrill(jdbc, client, jobs, secrets, properties);
	}

	/**
	 * Restores advance every few seconds; the drill runs weekly; one replica at a time.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "mindroom.provisioner.jobs.enabled", havingValue = "true", matchIfMissing = true)
	static class Schedule {

		private final RestoreRunner runner;

		private final RestoreDrill drill;

		Schedule(RestoreRunner runner, RestoreDrill drill) {
			this.runner = runner;
			this.drill = drill;
		}

		@Scheduled(fixedDelayString = "${mindroom.backups.restore-interval:5s}", initialDelayString = "10s")
		@SchedulerLock(name = "restores", lockAtMostFor = "5m")
		void restores() {
			this.runner.advanceAll();
		}

		@Scheduled(cron = "${mindroom.backups.drill.cron:0 0 3 * * MON}", zone = "UTC")
		@SchedulerLock(name = "restore-drill", lockAtMostFor = "1h")
		void drill() {
			this.drill.start();
		}

	}

}
