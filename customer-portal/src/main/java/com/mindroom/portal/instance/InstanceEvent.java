package com.mindroom.portal.instance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import com.mindroom.common.db.Timestamps;

/**
 * One step in an instance's history (what the live progress shows).
 *
 * @param id the event id (increasing)
 * @param occurredAt when it happened
 * @param kind {@code desired}, {@code observed}, {@code progress}, {@code error}...
 * @param toState the state it moved to, if any
 * @param message what happened, for people
 */
public record InstanceEvent(long id, Instant occurredAt, String kind, String toState, String message) {

	static InstanceEvent read(ResultSet rs, int row) throws SQLException {
		return new InstanceEvent(rs.getLong("id"), Timestamps.read(rs, "occurred_at"), rs.getString("kind"),
				rs.getString("to_state"), rs.getString("message"));
	}

}
