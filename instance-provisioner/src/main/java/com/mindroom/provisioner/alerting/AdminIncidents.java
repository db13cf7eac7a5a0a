package com.mindroom.provisioner.alerting;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.common.db.Timestamps;
import com.mindroom.common.notification.Notification;
import com.mindroom.common.notification.Notifications;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns the current conditions into incidents in {@code alert_incidents}: a condition
 * without an open incident under its key opens one, a continuing one only marks it seen,
 * and an open incident whose condition cleared is resolved (if it comes back, that is a
 * new incident). Each new incident queues one email per active admin through the outbox
 * (template {@code admin_alert}), in the same transaction and with a dedupe key per
 * incident and admin: one incident, one message.
 */
class AdminIncidents {

	private static final Logger logger = LoggerFactory.getLogger(AdminIncidents.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Notifications notifications;

	private final String publicUrl;

	private final boolean emails;

	AdminIncidents(JdbcClient jdbc, TransactionTemplate transactions, Notifications notifications, String publicUrl,
			boolean emails) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.notifications = notifications;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
		this.emails = emails;
	}

	/**
	 * Records the conditions that hold now.
	 * @param conditions every condition that holds
	 */
	void record(List<Condition> conditions) {
		this.transactions.executeWithoutResult((status) -> {
			for (Condition condition : conditions) {
				Incident incident = openOrSee(condition);
				if (incident.opened() && this.emails) {
					notifyAdmins(incident, condition);
				}
			}
			resolveCleared(conditions.stream().map(Condition::key).collect(Collectors.toSet()));
		});
	}

	private Incident openOrSee(Condition condition) {
		return this.jdbc.sql("""
				insert into alert_incidents (alert_key, severity, summary, page) values (?, ?, ?, ?)
				on conflict (alert_key) where resolved_at is null do update set last_seen_at = now()
				returning id, opened_at, xmax = 0 as opened
				""")
			.params(condition.key(), condition.severity(), condition.summary(), condition.page())
			.query((rs, row) -> new Incident(rs.getObject("id", UUID.class),
					rs.getObject("opened_at", OffsetDateTime.class), rs.getBoolean("opened")))
			.single();
	}

	private void notifyAdmins(Incident incident, Condition condition) {
		List<Admin> admins = this.jdbc
			.sql("select id, email from accounts where is_admin and status = 'active' and deleted_at is null")
			.query((rs, row) -> new Admin(rs.getObject(1, UUID.class), rs.getString(2)))
			.list();
		if (admins.isEmpty()) {
			logger.warn("Alert incident {} ({}) opened, but there is no active admin to email", incident.id(),
					condition.key());
		}
		Map<String, Object> params = Map.of("severity", condition.severity(), "summary", condition.summary(), "detail",
				condition.detail(), "opened_at", utc(incident.openedAt()), "dashboard_url",
				this.publicUrl + condition.page());
		for (Admin admin : admins) {
			this.notifications.enqueue(new Notification(admin.id(), admin.email(), "admin_alert",
					"MindRoom Cloud " + condition.severity() + ": " + condition.summary(), params,
					"alert:" + incident.id() + ":" + admin.id()));
		}
		this.jdbc.sql("update alert_incidents set notified_at = now() where id = ?").param(incident.id()).update();
		logger.info("Alert incident {} opened ({}); {} admin(s) emailed", incident.id(), condition.key(),
				admins.size());
	}

	/** A time as the emails show it: {@code 2026-03-10 10:30 UTC}. */
	static String utc(OffsetDateTime time) {
		return Timestamps.readable(time.toInstant());
	}

	private void resolveCleared(Set<String> holding) {
		List<Open> open = this.jdbc.sql("select id, alert_key from alert_incidents where resolved_at is null")
			.query((rs, row) -> new Open(rs.getObject(1, UUID.class), rs.getString(2)))
			.list();
		for (Open incident : open) {
			if (!holding.contains(incident.key())) {
				this.jdbc.sql("update alert_incidents set resolved_at = now() where id = ?")
					.param(incident.id())
					.update();
				logger.info("Alert incident {} resolved ({})", incident.id(), incident.key());
			}
		}
	}

	private record Incident(UUID id, OffsetDateTime openedAt, boolean opened) {

	}

	private record Admin(UUID id, String email) {

	}

	private record Open(UUID id, String key) {

	}

}
