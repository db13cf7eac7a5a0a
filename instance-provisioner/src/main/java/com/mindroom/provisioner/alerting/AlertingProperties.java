package com.mindroom.provisioner.alerting;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The thresholds of the conditions the provisioner emails admins about
 * ({@code mindroom.alerting}); the PrometheusRule of the platform chart uses the same
 * defaults.
 *
 * @param interval how often the conditions are evaluated
 * @param stuckAfter how long an instance may be in {@code error} or {@code degraded}
 * @param backlogAfter how long due reconcile work may wait for a provisioner replica
 * @param backupOverdueAfter how long a running instance may go without a successful
 * backup (the default lets one daily backup be late, not missed)
 * @param drillWindow how long a failed restore drill counts (the default reaches just
 * past the next weekly drill)
 * @param emails whether admins are emailed about new incidents
 */
@ConfigurationProperties("mindroom.alerting")
public record AlertingProperties(@DefaultValue("1m") Duration interval, @DefaultValue("15m") Duration stuckAfter,
		@DefaultValue("10m") Duration backlogAfter, @DefaultValue("26h") Duration backupOverdueAfter,
		@DefaultValue("8d") Duration drillWindow, @DefaultValue("true") boolean emails) {

}
