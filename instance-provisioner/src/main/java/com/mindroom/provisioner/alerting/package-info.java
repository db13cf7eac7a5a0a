/**
 * Watches what the database shows of the platform's health (instances in error or
 * degraded, failed and overdue backups, failed restore drills, the reconcile backlog,
 * failed Stripe events), exports it as the gauges the PrometheusRule alerts use, and
 * emails admins once per incident through the notification outbox.
 */
package com.mindroom.provisioner.alerting;
