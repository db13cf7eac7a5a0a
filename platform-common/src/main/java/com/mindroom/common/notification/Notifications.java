package com.mindroom.common.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Queues notifications in {@code notification_outbox}, in the caller's transaction, so an
 * email is sent if and only if what caused it was committed. A repeated dedupe key is
 * ignored: one incident, one message.
 */
public class Notifications {

	private static final Logger logger = LoggerFactory.getLogger(Notifications.class);

	private final JdbcClient jdbc;

	private final JsonMapper json;

	public Notifications(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Queues a notification unless one with the same dedupe key exists.
	 * @param notification the notification
	 * @return whether it was queued
	 */
	public boolean enqueue(Notification notification) {
		int queued = this.jdbc.sql("""
				insert into notification_outbox (account_id, recipient, template, subject, params, dedupe_key)
				values (?, ?, ?, ?, cast(? as jsonb), ?)
				on conflict (dedupe_key) do nothing
				""")
			.params(notification.accountId(), notification.recipient(), notification.template(), notification.subject(),
					this.json.writeValueAsString(notification.params()), notification.dedupeKey())
			.update();
		if (queued > 0) {
			logger.info("Queued {} notification for account {}", notification.template(), notification.accountId());
		}
		return queued > 0;
	}

}
