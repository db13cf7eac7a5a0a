package com.mindroom.portal.system;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.mindroom.portal.billing.Money;

import org.springframework.stereotype.Component;

/**
 * Formats dates and money in the templates ({@code ${@fmt.day(instant)}}); times are
 * shown in UTC and say so.
 */
@Component("fmt")
public class PageFormats {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter
		.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	public String day(Instant instant) {
		return (instant != null) ? DAY.format(instant) : "";
	}

	public String dateTime(Instant instant) {
		return (instant != null) ? DATE_TIME.format(instant) : "";
	}

	public String time(Instant instant) {
		return (instant != null) ? TIME.format(instant) : "";
	}

	/**
	 * The ISO form of an instant, for {@code <time datetime>}.
	 * @param instant the instant
	 * @return the ISO text
	 */
	public String iso(Instant instant) {
		return (instant != null) ? instant.toString() : "";
	}

	public String money(Long minorUnits, String currency) {
		return (minorUnits != null) ? Money.format(minorUnits, currency) : "";
	}

	/**
	 * A billing interval for people.
	 * @param interval {@code month} or {@code year}
	 * @return {@code monthly} or {@code yearly}
	 */
	public String interval(String interval) {
		return (interval != null) ? interval + "ly" : "";
	}

	/**
	 * A subscription status for people.
	 * @param status the Stripe status
	 * @return the label
	 */
	public String status(String status) {
		return switch ((status != null) ? status : "") {
			case "active" -> "Active";
			case "trialing" -> "Trial";
			case "past_due" -> "Payment overdue";
			case "unpaid" -> "Unpaid";
			case "paused" -> "Paused";
			case "canceled" -> "Canceled";
			case "incomplete" -> "Awaiting payment";
			case "incomplete_expired" -> "Payment never completed";
			default -> status;
		};
	}

}
