package com.mindroom.stripesim.control;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.mindroom.stripesim.billing.InvalidRequestException;

import org.springframework.boot.convert.DurationStyle;

/**
 * Reads the controls' inputs.
 */
final class ControlInput {

	private static final Duration MAX_ADVANCE = Duration.ofDays(3660);

	private ControlInput() {
	}

	/**
	 * Reads a duration to advance the clock by.
	 * @param text {@code 30d}, {@code 36h}, {@code 90m} or ISO-8601 ({@code P30D})
	 * @return the duration
	 * @throws InvalidRequestException when it is not a positive duration of at most ten
	 * years
	 */
	static Duration duration(String text) {
		Duration duration;
		try {
			duration = DurationStyle.detectAndParse((text != null) ? text.trim() : "");
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException("Give a duration such as 30d, 36h or P30D", "by");
		}
		if (duration.isNegative() || duration.toSeconds() < 1 || duration.compareTo(MAX_ADVANCE) > 0) {
			throw new InvalidRequestException("The clock moves forward by one second to ten years", "by");
		}
		return duration;
	}

	/**
	 * Reads a moment to advance the clock to.
	 * @param text ISO-8601 ({@code 2027-01-31T00:00:00Z}) or epoch seconds
	 * @param now the simulated time (epoch seconds)
	 * @return how far that is from now
	 * @throws InvalidRequestException when it is not a later moment within ten years
	 */
	static Duration until(String text, long now) {
		long target;
		try {
			target = text.trim().matches("\\d+") ? Long.parseLong(text.trim())
					: Instant.parse(text.trim()).getEpochSecond();
		}
		catch (DateTimeParseException | NumberFormatException ex) {
			throw new InvalidRequestException("Give a moment such as 2027-01-31T00:00:00Z or epoch seconds", "to");
		}
		Duration duration = Duration.ofSeconds(target - now);
		if (duration.toSeconds() < 1 || duration.compareTo(MAX_ADVANCE) > 0) {
			throw new InvalidRequestException("The clock moves forward only, by at most ten years", "to");
		}
		return duration;
	}

}
