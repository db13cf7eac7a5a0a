package com.mindroom.provisioner.health;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * When the health checks and the usage collection run. Each is locked cluster-wide, and
 * the health check's lock is held for most of its interval, so several replicas together
 * still check every instance once per interval.
 */
class MonitoringJobs {

	private final HealthChecks healthChecks;

	private final UsageCollection usageCollection;

	MonitoringJobs(HealthChecks healthChecks, UsageCollection usageCollection) {
		this.healthChecks = healthChecks;
		this.usageCollection = usageCollection;
	}

	@Scheduled(fixedDelayString = "${mindroom.provisioner.health.interval:5m}", initialDelayString = "1m")
	@SchedulerLock(name = "instance-health-checks", lockAtMostFor = "${mindroom.provisioner.health.interval:5m}",
			lockAtLeastFor = "${mindroom.provisioner.health.lock-at-least-for:4m}")
	void checkHealth() {
		this.healthChecks.checkAll();
	}

	@Scheduled(cron = "${mindroom.provisioner.health.usage-cron:0 15 * * * *}", zone = "UTC")
	@SchedulerLock(name = "instance-usage-collection", lockAtMostFor = "50m")
	void collectUsage() {
		this.usageCollection.collectYesterday();
	}

}
