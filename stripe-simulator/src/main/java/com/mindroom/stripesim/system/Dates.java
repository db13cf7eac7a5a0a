package com.mindroom.stripesim.system;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates as the pages show them, in UTC.
 */
public final class Dates {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter TIME = DateTimeFormatter
		.ofPattern("d MMM yyyy HH:mm:ss 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private Dates() {
	}

	public static String day(Instant instant) {
		return (instant != null) ? DAY.format(instant) : "";
	}

	public static String time(Instant instant) {
		return (instant != null) ? TIME.format(instant) : "";
	}

}
