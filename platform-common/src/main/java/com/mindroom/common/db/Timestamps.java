package com.mindroom.common.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Converts between {@link Instant} and the {@code timestamptz} values the PostgreSQL
 * driver reads and writes.
 */
public final class Timestamps {

	private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private Timestamps() {
	}

	/**
	 * A time as people read it in messages, events and emails:
	 * {@code 2026-03-10 10:30 UTC}.
	 * @param instant the time
	 * @return the text
	 */
	public static String readable(Instant instant) {
		return READABLE.format(instant);
	}

	public static OffsetDateTime toDb(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	public static Instant read(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
