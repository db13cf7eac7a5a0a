package com.mindroom.common.backup;

import java.time.Duration;
import java.util.Locale;

/**
 * Sizes and durations as people read them: in the instance's history, and on the portal's
 * and the admin dashboard's backup lists.
 */
public final class Sizes {

	private Sizes() {
	}

	/**
	 * A size in bytes as people read it.
	 * @param bytes the size
	 * @return for example {@code 12.3 MB}
	 */
	public static String bytes(long bytes) {
		if (bytes < 1000) {
			return bytes + " B";
		}
		String[] units = { "kB", "MB", "GB", "TB" };
		double value = bytes;
		int unit = -1;
		while (value >= 1000 && unit < units.length - 1) {
			value /= 1000;
			unit++;
		}
		return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
	}

	/**
	 * A duration as people read it.
	 * @param duration the duration
	 * @return for example {@code 2 h} or {@code 90 min}
	 */
	public static String duration(Duration duration) {
		long minutes = duration.toMinutes();
		return (minutes % 60 == 0 && minutes >= 60) ? (minutes / 60) + " h" : Math.max(1, minutes) + " min";
	}

}
