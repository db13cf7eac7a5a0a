package com.mindroom.admin.access;

import java.util.UUID;

import com.mindroom.common.audit.Actor;
import com.mindroom.common.audit.AuditEntry;

/**
 * The admin behind an action and where the request came from, for the audit log and the
 * instance history.
 *
 * @param accountId the admin's account
 * @param email the admin's email
 * @param ip the client address (from the gateway's {@code X-Forwarded-For} when the peer
 * is a trusted proxy, otherwise the peer)
 * @param userAgent the client's user agent
 */
public record Caller(UUID accountId, String email, String ip, String userAgent) {

	public Actor actor() {
		return Actor.admin(this.accountId, this.email);
	}

	/**
	 * How the caller is named in instance events.
	 * @return a label such as {@code admin:ops@example.com}
	 */
	public String label() {
		return actor().label();
	}

	/**
	 * Starts an audit entry for an action of this caller.
	 * @param action the action
	 * @return the entry, with actor and client filled in
	 */
	public AuditEntry audit(String action) {
		return AuditEntry.of(actor(), action).withClient(this.ip, this.userAgent);
	}

}
