package com.mindroom.provisioner.backup;

import java.nio.file.Path;
import java.time.Clock;

import io.fabric8.kubernetes.client.KubernetesClient;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import com.mindroom.common.job.JobQueue;
import com.mindroom.provisioner.cluster.ClusterInfo;
import com.mindroom.provisioner.secret.TenantSecrets;
import com.mindroom.provisioner.simulation.SimulatedJobs;
import com.mindroom.provisioner.system.KubernetesProperties;
import com.mindroom.provisioner.reconcile.InstanceEvents;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.StringUtils;

/**
 * Backups: where they go, the agent Jobs, the schedule and retention, and on the
 * simulated cluster the runner that completes agent Jobs in process.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BackupProperties.class)
class BackupConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(BackupConfiguration.class);

	@Bean
	BackupStorage backupStorage(BackupProperties properties, ClusterInfo cluster) {
		S3Settings s3 = properties.s3().settings();
		if (s3.configured()) {
			S3ObjectStore store = new S3ObjectStore(s3);
			logger.info("Backups go to {}", store.describe());
			return new BackupStorage(store, store.describe());
		}
		if (cluster.simulated()) {
			Path directory = StringUtils.hasText(properties.directory()) ? Path.of(properties.directory())
					: Path.of(System.getProperty("java.io.tmpdir"), "mindroom-backups");
			DirectoryObjectStore store = new DirectoryObjectStore(directory);
			logger.info("No backup bucket is configured: on the simulated cluster backups go to {}", store.describe());
			return new BackupStorage(store, store.describe());
		}
		logger.warn("No backup bucket is configured (MINDROOM_BACKUP_S3_ENDPOINT, MINDROOM_BACKUP_S3_BUCKET): "
				+ "instances are not backed up");
		return new BackupStorage(null, "not configured: set MINDROOM_BACKUP_S3_ENDPOINT and MINDROOM_BACKUP_S3_BUCKET");
	}

	@Bean
	AgentJobs agentJobs(KubernetesClient client, BackupProperties properties, ClusterInfo cluster) {
		return new AgentJobs(client, properties, cluster.simulated());
	}

	@Bean
	BackupRuns backupRuns(JdbcClient jdbc, AgentJobs jobs, BackupStorage storage, TenantSecrets secrets,
			InstanceEvents events, BackupProperties properties, JsonMapper json, Clock clock) {
		return new BackupRuns(jdbc, jobs, storage, secrets, events, properties, json, clock);
	}

	@Bean
	BackupScheduler backupScheduler(JdbcClient jdbc, BackupRuns runs, JobQueue queue, BackupStorage storage,
			BackupProperties properties, Clock clock) {
		return new BackupScheduler(jdbc, runs, queue, storage, properties, clock);
	}

	@Bean
	BackupRetention backupRetention(JdbcClient jdbc, BackupStorage storage) {
		return new BackupRetention(jdbc, storage);
	}

	@Bean(initMethod = "start", destroyMethod = "close")
	@ConditionalOnProperty(name = "mindroom.kubernetes.mode", havingValue = "simulated", matchIfMissing = true)
	SimulatedJobs simulatedJobs(KubernetesClient client, BackupStorage storage, KubernetesProperties kubernetes) {
		return new SimulatedJobs(client, storage.store(), kubernetes.simulated().readyDelay());
	}

	/**
	 * When backups are started, checked and expired; one replica at a time (ShedLock).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "mindroom.provisioner.jobs.enabled", havingValue = "true", matchIfMissing = true)
	static class Schedule {

		private final BackupScheduler scheduler;

		private final BackupRetention retention;

		Schedule(BackupScheduler scheduler, BackupRetention retention) {
			this.scheduler = scheduler;
			this.retention = retention;
		}

		@Scheduled(fixedDelayString = "${mindroom.backups.check-interval:30s}", initialDelayString = "20s")
		@SchedulerLock(name = "backups", lockAtMostFor = "10m")
		void backups() {
			this.scheduler.run();
		}

		@Scheduled(cron = "${mindroom.backups.retention-cron:0 20 * * * *}", zone = "UTC")
		@SchedulerLock(name = "backup-retention", lockAtMostFor = "50m")
		void retention() {
			this.retention.expire();
		}

	}

}
