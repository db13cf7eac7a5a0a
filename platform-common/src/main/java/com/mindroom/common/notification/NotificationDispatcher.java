package com.mindroom.common.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Sends the outbox through SMTP: claims due messages with {@code FOR UPDATE SKIP LOCKED}
 * (so several replicas share the work and a crashed one's batch comes back after its
 * lease), sends each, and retries failures with exponential backoff until it gives up and
 * marks the message failed, visible to admins. Runs only where SMTP is configured;
 * without it, messages stay in the outbox (the local mailbox page reads them there).
 */
public class NotificationDispatcher {

	private static final Logger logger = LoggerFactory.getLogger(NotificationDispatcher.class);

	private static final int MAX_ATTEMPTS = 8;

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JavaMailSender mail;

	private final JsonMapper json;

	private final String from;

	public NotificationDispatcher(JdbcClient jdbc, JavaMailSender mail, JsonMapper json, String from) {
		this.jdbc = jdbc;
		this.mail = mail;
		this.json = json;
		this.from = from;
	}

	/**
	 * Sends up to {@code limit} due messages.
	 * @param limit the batch size
	 * @return how many were sent
	 */
	public int dispatchDue(int limit) {
		List<Claimed> batch = this.jdbc.sql("""
				update notification_outbox set attempts = attempts + 1, next_attempt_at = now() + interval '5 minutes'
				where id in (select id from notification_outbox where status = 'pending' and next_attempt_at <= now()
				    order by next_attempt_at limit ? for update skip locked)
				returning id, recipient, template, subject, params::text, attempts
				""").param(limit).query(this::claimed).list();
		int sent = 0;
		for (Claimed message : batch) {
			sent += send(message) ? 1 : 0;
		}
		return sent;
	}

	private boolean send(Claimed message) {
		try {
			SimpleMailMessage email = new SimpleMailMessage();
			email.setFrom(this.from);
			email.setTo(message.recipient());
			email.setSubject(message.subject());
			email.setText(MailTemplates.render(message.template(), message.params()));
			this.mail.send(email);
			this.jdbc
				.sql("update notification_outbox set status = 'sent', sent_at = now(), last_error = null where id = ?")
				.param(message.id())
				.update();
			logger.info("Sent {} notification {}", message.template(), message.id());
			return true;
		}
		catch (MailException | IllegalArgumentException ex) {
			boolean giveUp = message.attempts() >= MAX_ATTEMPTS || ex instanceof IllegalArgumentException;
			long backoffSeconds = Math.min(3600, 30L << Math.min(message.attempts(), 7));
			this.jdbc.sql("""
					update notification_outbox set status = ?, last_error = ?,
					    next_attempt_at = now() + make_interval(secs => ?)
					where id = ?
					""").params(giveUp ? "failed" : "pending", ex.getMessage(), backoffSeconds, message.id()).update();
			logger.warn("Could not send {} notification {} (attempt {}{}): {}", message.template(), message.id(),
					message.attempts(), giveUp ? ", giving up" : "", ex.getMessage());
			return false;
		}
	}

	private Claimed claimed(ResultSet rs, int row) throws SQLException {
		return new Claimed(rs.getObject("id", UUID.class), rs.getString("recipient"), rs.getString("template"),
				rs.getString("subject"), this.json.readValue(rs.getString("params"), MAP), rs.getInt("attempts"));
	}

	private record Claimed(UUID id, String recipient, String template, String subject, Map<String, Object> params,
			int attempts) {

	}

}
