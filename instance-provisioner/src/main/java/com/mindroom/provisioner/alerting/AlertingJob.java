package com.mindroom.provisioner.alerting;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * Evaluates the alert conditions every {@code mindroom.alerting.interval}, on one replica
 * at a time (ShedLock).
 */
class AlertingJob {

	private final AlertConditions conditions;

	private final AdminIncidents incidents;

	AlertingJob(AlertConditions conditions, AdminIncidents incidents) {
		this.conditions = conditions;
		this.incidents = incidents;
	}

	@Scheduled(fixedDelayString = "${mindroom.alerting.interval:1m}", initialDelayString = "30s")
	@SchedulerLock(name = "admin-alerting", lockAtMostFor = "5m")
	void evaluate() {
		this.incidents.record(this.conditions.current());
	}

}
