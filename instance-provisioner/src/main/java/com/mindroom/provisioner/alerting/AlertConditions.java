package com.mindroom.provisioner.alerting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.mindroom.provisioner.alerting.PlatformReadings.Backlog;
import com.mindroom.provisioner.alerting.PlatformReadings.FailedDrill;
import com.mindroom.provisioner.alerting.PlatformReadings.FailingBackup;
import com.mindroom.provisioner.alerting.PlatformReadings.OverdueBackup;
import com.mindroom.provisioner.alerting.PlatformReadings.StuckInstance;

/**
 * The critical conditions the PrometheusRule alerts on that the database can show: an
 * instance in {@code error} or {@code degraded} for too long, an instance whose newest
 * backup failed, a running instance without a successful backup for too long, an instance
 * whose restore drill failed lately, due reconcile work no replica has taken for too
 * long, and Stripe events that could not be applied. (Services down and webhook signature
 * failures are seen only by Prometheus.) Instance conditions are keyed per instance, so
 * each is its own incident. When the provisioner takes no backups at all (switched off,
 * or no bucket on a real cluster), that is one incident as soon as an instance runs, not
 * one per instance a day later.
 */
class AlertConditions {

	private final PlatformReadings readings;

	private final AlertingProperties properties;

	private final String backupsNotTaken;

	/**
	 * Creates the conditions.
	 * @param readings what the database shows
	 * @param properties the thresholds
	 * @param backupsNotTaken why the provisioner takes no backups, or {@code null} when
	 * it does
	 */
	AlertConditions(PlatformReadings readings, AlertingProperties properties, String backupsNotTaken) {
		this.readings = readings;
		this.properties = properties;
		this.backupsNotTaken = backupsNotTaken;
	}

	List<Condition> current() {
		List<Condition> conditions = new ArrayList<>();
		this.readings.stuckInstances(this.properties.stuckAfter()).forEach((stuck) -> conditions.add(stuck(stuck)));
		this.readings.failingBackups().forEach((backup) -> conditions.add(failing(backup)));
		if (this.backupsNotTaken == null) {
			this.readings.overdueBackups(this.properties.backupOverdueAfter())
				.forEach((backup) -> conditions.add(overdue(backup)));
		}
		else {
			notBackedUp().ifPresent(conditions::add);
		}
		newestPerInstance(this.readings.failedDrills(this.properties.drillWindow()))
			.forEach((drill) -> conditions.add(failedDrill(drill)));
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

	private Condition overdue(OverdueBackup backup) {
		String since = (backup.lastSucceeded() != null) ? "since " + AdminIncidents.utc(backup.lastSucceeded())
				: "since it was created " + AdminIncidents.utc(backup.since());
		return new Condition("backup-overdue:" + backup.instanceId(), "critical",
				"Instance " + backup.slug() + " has had no successful backup " + since,
				"A running instance is backed up daily; this one has gone longer than "
						+ this.properties.backupOverdueAfter().toHours()
						+ " h without. Check its backups on its page and that the provisioner's backups are enabled "
						+ "and reach the bucket.",
				"/admin/instances/" + backup.instanceId());
	}

	private Optional<Condition> notBackedUp() {
		int running = this.readings.runningInstances();
		if (running == 0) {
			return Optional.empty();
		}
		return Optional.of(new Condition("backups-not-taken", "critical",
				"No instance is being backed up (" + running + " running)",
				this.backupsNotTaken + " Customers are promised daily backups: configure the bucket and restart the "
						+ "instance-provisioner.",
				"/admin/instances"));
	}

	private static List<FailedDrill> newestPerInstance(List<FailedDrill> drills) {
		Map<UUID, FailedDrill> newest = new LinkedHashMap<>();
		drills.forEach((drill) -> newest.putIfAbsent(drill.instanceId(), drill));
		return List.copyOf(newest.values());
	}

	private static Condition failedDrill(FailedDrill drill) {
		return new Condition("restore-drill-failed:" + drill.instanceId(), "critical",
				"The restore drill of " + drill.slug() + " failed"
						+ (drill.checksumMismatch() ? ": its backup does not match its checksum" : ""),
				"The drill of " + AdminIncidents.utc(drill.finishedAt())
						+ " could not restore the instance's newest backup. " + reason(drill.error()),
				"/admin/instances/" + drill.instanceId());
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
