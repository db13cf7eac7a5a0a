package com.mindroom.provisioner.health;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import com.mindroom.common.plan.PlanCatalog;
import com.mindroom.provisioner.cluster.ClusterCache;
import com.mindroom.provisioner.cluster.ClusterInfo;
import com.mindroom.provisioner.reconcile.InstanceEvents;
import com.mindroom.provisioner.secret.TenantSecrets;
import com.mindroom.provisioner.simulation.SimulatedInstanceProbe;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Health checks and usage collection, and their schedule: every replica schedules them,
 * and ShedLock (table {@code shedlock}) lets one run each at a time.
 */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

	private static final AtomicInteger threads = new AtomicInteger();

	@Bean
	InstanceProbe instanceProbe(ClusterInfo cluster, PlanCatalog plans, HealthProperties properties,
			TenantSecrets secrets) {
		return cluster.simulated() ? new SimulatedInstanceProbe(plans) : new HttpInstanceProbe(properties, secrets);
	}

	@Bean(destroyMethod = "shutdown")
	ExecutorService healthCheckExecutor(HealthProperties properties) {
		return Executors.newFixedThreadPool(properties.parallelism(),
				(task) -> new Thread(task, "health-check-" + threads.incrementAndGet()));
	}

	@Bean
	HealthChecks healthChecks(JdbcClient jdbc, ClusterCache cache, InstanceProbe probe, InstanceEvents events,
			ExecutorService healthCheckExecutor, Clock clock) {
		return new HealthChecks(jdbc, cache, probe, events, healthCheckExecutor, clock);
	}

	@Bean
	UsageCollection usageCollection(JdbcClient jdbc, InstanceProbe probe, Clock clock) {
		return new UsageCollection(jdbc, probe, clock);
	}

	/**
	 * The schedule, switched off by {@code mindroom.provisioner.jobs.enabled=false}.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
	@ConditionalOnProperty(name = "mindroom.provisioner.jobs.enabled", havingValue = "true", matchIfMissing = true)
	static class Schedule {

		@Bean
		LockProvider lockProvider(DataSource dataSource) {
			return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
				.withJdbcTemplate(new JdbcTemplate(dataSource))
				.withTableName("shedlock")
				.usingDbTime()
				.build());
		}

		@Bean
		MonitoringJobs monitoringJobs(HealthChecks healthChecks, UsageCollection usageCollection) {
			return new MonitoringJobs(healthChecks, usageCollection);
		}

	}

}
