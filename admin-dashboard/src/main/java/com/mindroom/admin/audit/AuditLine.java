package com.mindroom.admin.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * An audit entry, as lists and exports show it.
 *
 * @param id the entry id
 * @param occurredAt when
 * @param actorType the kind of actor
 * @param actorEmail the actor's email
 * @param action what was done
 * @param targetType the kind of target
 * @param targetId the target
 * @param accountId the account the entry is about
 * @param ip the client address
 * @param reason the reason given
 * @param outcome how it ended
 * @param detail further facts, as JSON
 */
public record AuditLine(long id, OffsetDateTime occurredAt, String actorType, String actorEmail, String action,
		String targetType, String targetId, String accountId, String ip, String reason, String outcome, String detail) {

	/**
	 * The columns {@link #read} expects, for {@code select ... from audit_log}.
	 */
	public static final String COLUMNS = "id, occurred_at, actor_type, actor_email, action, target_type, target_id, "
			+ "account_id::text as account_id, host(ip) as ip, reason, outcome, detail::text as detail";

	public static AuditLine read(ResultSet rs, int row) throws SQLException {
		return new AuditLine(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class),
				rs.getString("actor_type"), rs.getString("actor_email"), rs.getString("action"),
				rs.getString("target_type"), rs.getString("target_id"), rs.getString("account_id"), rs.getString("ip"),
				rs.getString("reason"), rs.getString("outcome"), rs.getString("detail"));
	}

}
