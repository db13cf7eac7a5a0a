package com.mindroom.admin.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The incidents behind the admin alert emails: every open one (critical first, then the
 * newest), and those resolved within the last week. An incident's key names its condition
 * and, for a condition of one instance, the instance ({@code backup-failed:<id>}).
 */
@Component
public class AlertIncidents {

	static final int RESOLVED_DAYS = 7;

	static final int RESOLVED_SHOWN = 50;

	private static final Map<String, String> CONDITIONS = Map.of("instance-error", "Instance in error",
			"instance-degraded", "Instance degraded", "backup-failed", "Backup failed", "backup-overdue",
			"Backup overdue", "backups-not-taken", "Backups not taken", "restore-drill-failed", "Restore drill failed",
			"reconcile-backlog", "Reconcile backlog stalled", "stripe-events-failed", "Stripe events failed");

	private static final String COLUMNS = "id, alert_key, severity, summary, page, opened_at, last_seen_at, "
			+ "resolved_at, notified_at";

	private final JdbcClient jdbc;

	AlertIncidents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * How many incidents are open.
	 * @return the count
	 */
	public long openCount() {
		return this.jdbc.sql("select count(*) from alert_incidents where resolved_at is null")
			.query(Long.class)
			.single();
	}

	List<Incident> open() {
		return this.jdbc
			.sql("select " + COLUMNS + " from alert_incidents where resolved_at is null "
					+ "order by severity = 'critical' desc, opened_at desc")
			.query(AlertIncidents::read)
			.list();
	}

	List<Incident> recentlyResolved() {
		return this.jdbc
			.sql("select " + COLUMNS + " from alert_incidents where resolved_at > now() - make_interval(days => ?) "
					+ "order by resolved_at desc limit ?")
			.params(RESOLVED_DAYS, RESOLVED_SHOWN)
			.query(AlertIncidents::read)
			.list();
	}

	private static Incident read(ResultSet rs, int row) throws SQLException {
		String key = rs.getString("alert_key");
		int colon = key.indexOf(':');
		String condition = (colon < 0) ? key : key.substring(0, colon);
		return new Incident(rs.getObject("id", UUID.class), key, CONDITIONS.getOrDefault(condition, condition),
				rs.getString("severity"), rs.getString("summary"), rs.getString("page"),
				rs.getObject("opened_at", OffsetDateTime.class), rs.getObject("last_seen_at", OffsetDateTime.class),
				rs.getObject("resolved_at", OffsetDateTime.class), rs.getObject("notified_at", OffsetDateTime.class));
	}

	/**
	 * An incident.
	 *
	 * @param id the incident
	 * @param key what the provisioner keeps it open under
	 * @param condition the condition, as people read it
	 * @param severity {@code warning} or {@code critical}
	 * @param summary the summary the admins were emailed
	 * @param page the dashboard page to look at, if any
	 * @param openedAt when the condition was first seen
	 * @param lastSeenAt when it was last seen
	 * @param resolvedAt when it cleared, {@code null} while open
	 * @param notifiedAt when admins were emailed, {@code null} if they were not
	 */
	public record Incident(UUID id, String key, String condition, String severity, String summary, String page,
			OffsetDateTime openedAt, OffsetDateTime lastSeenAt, OffsetDateTime resolvedAt, OffsetDateTime notifiedAt) {

	}

}
