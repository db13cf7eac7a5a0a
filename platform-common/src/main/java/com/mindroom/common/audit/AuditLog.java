package com.mindroom.common.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Appends entries to {@code audit_log}, which the database keeps append-only. Detail
 * values under keys that look like secrets are replaced before they are written, so no
 * secret reaches an audit row.
 */
public class AuditLog {

	private static final Logger logger = LoggerFactory.getLogger(AuditLog.class);

	private static final Pattern SECRET_KEY = Pattern
		.compile("(?i).*(password|secret|token|api.?key|authorization|signature|totp|code).*");

	private static final Pattern IP_ADDRESS = Pattern.compile("[0-9a-fA-F:.]{2,45}");

	private final JdbcClient jdbc;

	private final JsonMapper json;

	public AuditLog(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Records an entry, in the caller's transaction if there is one.
	 * @param entry the entry
	 */
	public void record(AuditEntry entry) {
		this.jdbc.sql("""
				insert into audit_log (actor_id, actor_email, actor_type, action, target_type, target_id, account_id,
				    ip, user_agent, reason, outcome, detail)
				values (?, ?, ?, ?, ?, ?, ?, cast(? as inet), ?, ?, ?, cast(? as jsonb))
				""")
			.params(entry.actor().id(), entry.actor().email(), entry.actor().type().dbValue(), entry.action(),
					entry.targetType(), entry.targetId(), entry.accountId(), address(entry.ip()),
					truncate(entry.userAgent()), entry.reason(), entry.outcome().dbValue(),
					this.json.writeValueAsString(redact(entry.detail())))
			.update();
		logger.info("Audit: {} {} {}:{} -> {}", entry.actor().label(), entry.action(), entry.targetType(),
				entry.targetId(), entry.outcome().dbValue());
	}

	static Map<String, Object> redact(Map<String, Object> detail) {
		Map<String, Object> safe = new LinkedHashMap<>();
		detail.forEach((key, value) -> safe.put(key, SECRET_KEY.matcher(key).matches() ? "[redacted]" : value));
		return safe;
	}

	private static String address(String ip) {
		return (ip != null && IP_ADDRESS.matcher(ip).matches()) ? ip : null;
	}

	private static String truncate(String value) {
		return (value != null && value.length() > 500) ? value.substring(0, 500) : value;
	}

}
