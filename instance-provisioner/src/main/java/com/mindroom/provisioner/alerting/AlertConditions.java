package com.mindroom.provisioner.alerting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mindroom.provisioner.alerting.PlatformReadings.Backlog;
import com.mindroom.provisioner.alerting.PlatformReadings.FailingBackup;
import com.mindroom.provisioner.alerting.PlatformReadings.StuckInstance;

/**
 * The critical conditions the PrometheusRule alerts on that the database can show: an
 * instance in {@code error} or {@code degraded} for too long, an instance whose newest
 * backup failed, due reconcile work no replica has taken for too long, and Stripe events
 * that could not be applied. (Services down and webhook signature failures are seen only
 * by Prometheus.) Instance conditions are keyed per instance, so each is its own
 * incident.
 */
class AlertConditions {

	private final PlatformReadings readings;

	private final AlertingProperties properties;

	AlertConditions(PlatformReadings readings, AlertingProperties properties) {
		this.readings = readings;
		this.properties = properties;
	}

	List<Condition> current() {
		List<Condition> conditions = new ArrayList<>();
		this.readings.stuckInstances(this.properties.stuckAfter()).forEach((stuck) -> conditions.add(stuck(stuck)));
		this.readings.failingBackups().forEach((backup) -> conditions.add(failing(backup)));
		backlog(this.readings.backlog()).ifPresent(conditions::add);
		long failedEvents = this.readings.failedStripeEvents();
		if (failedEvents > 0) {
			conditions.add(new Condition("stripe-events-failed", "warning",
					failedEvents + " Stripe event(s) could not be applied",
					"Their billing changes are not applied until they are reprocessed.",
					"/admin/stripe?status=failed"));
		}
		return conditions;
	}

	private static Condition stuck(StuckInstance stuck) {
		boolean error = "error".equals(stuck.state());
		return new Condition("instance-" + stuck.state() + ":" + stuck.id(), error ? "critical" : "warning",
				"Instance " + stuck.slug() + (error ? " is in error" : " is degraded") + " since "
						+ AdminIncidents.utc(stuck.since()),
				reason(stuck.reason()), "/admin/instances/" + stuck.id());
	}

	private static Condition failing(FailingBackup backup) {
		return new Condition("backup-failed:" + backup.instanceId(), "critical",
				"The latest backup of " + backup.slug() + " failed", reason(backup.error()),
				"/admin/instances/" + backup.instanceId());
	}

	private Optional<Condition> backlog(Backlog backlog) {
		Duration waited = Duration.ofSeconds((long) backlog.oldestWaitingSeconds());
		if (waited.compareTo(this.properties.backlogAfter()) <= 0) {
			return Optional.empty();
		}
		return Optional.of(new Condition("reconcile-backlog", "critical",
				"The provisioner is not keeping up: " + backlog.count() + " instance(s) waiting",
				"The oldest due reconcile has waited " + waited.toMinutes()
						+ " min for a provisioner replica. Check that the instance-provisioner runs.",
				"/admin/instances"));
	}

	private static String reason(String reason) {
		return (reason != null) ? "Reason: " + reason : "No reason was recorded.";
	}

}
