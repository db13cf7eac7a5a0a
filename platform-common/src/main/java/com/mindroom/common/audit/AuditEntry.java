package com.mindroom.common.audit;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One audit log entry. Build it with {@link #of(Actor, String)} and the {@code with...}
 * methods.
 *
 * @param actor who acted
 * @param action what was done, dotted lower case ({@code instance.suspend},
 * {@code auth.sign_in})
 * @param targetType what kind of thing it was done to ({@code account},
 * {@code instance}...)
 * @param targetId which one
 * @param accountId the account the entry is about
 * @param outcome how it ended
 * @param reason why, as given by the actor
 * @param ip the client address
 * @param userAgent the client's user agent
 * @param detail further facts (secret-looking keys are redacted when recorded)
 */
public record AuditEntry(Actor actor, String action, String targetType, String targetId, UUID accountId,
		Outcome outcome, String reason, String ip, String userAgent, Map<String, Object> detail) {

	public static AuditEntry of(Actor actor, String action) {
		return new AuditEntry(actor, action, null, null, null, Outcome.SUCCESS, null, null, null, Map.of());
	}

	public AuditEntry withTarget(String type, Object id) {
		return new AuditEntry(this.actor, this.action, type, (id != null) ? id.toString() : null, this.accountId,
				this.outcome, this.reason, this.ip, this.userAgent, this.detail);
	}

	public AuditEntry withAccount(UUID account) {
		return new AuditEntry(this.actor, this.action, this.targetType, this.targetId, account, this.outcome,
				this.reason, this.ip, this.userAgent, this.detail);
	}

	public AuditEntry withOutcome(Outcome result) {
		return new AuditEntry(this.actor, this.action, this.targetType, this.targetId, this.accountId, result,
				this.reason, this.ip, this.userAgent, this.detail);
	}

	public AuditEntry withReason(String why) {
		return new AuditEntry(this.actor, this.action, this.targetType, this.targetId, this.accountId, this.outcome,
				why, this.ip, this.userAgent, this.detail);
	}

	public AuditEntry withClient(String address, String agent) {
		return new AuditEntry(this.actor, this.action, this.targetType, this.targetId, this.accountId, this.outcome,
				this.reason, address, agent, this.detail);
	}

	public AuditEntry withDetail(String key, Object value) {
		Map<String, Object> more = new LinkedHashMap<>(this.detail);
		more.put(key, value);
		return new AuditEntry(this.actor, this.action, this.targetType, this.targetId, this.accountId, this.outcome,
				this.reason, this.ip, this.userAgent, more);
	}

	/**
	 * How an audited action ended, as stored in {@code audit_log.outcome}.
	 */
	public enum Outcome {

		SUCCESS, DENIED, FAILURE;

		public String dbValue() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
