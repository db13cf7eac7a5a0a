package com.mindroom.common.plan;

import java.util.Locale;

/**
 * How often a plan is billed, named as Stripe names a recurring price's interval.
 */
public enum BillingInterval {

	MONTH, YEAR;

	public String stripeValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static BillingInterval fromStripe(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

	/**
	 * Reads the interval as a customer or a form names it ({@code monthly},
	 * {@code month}, {@code yearly}...).
	 * @param value the text to read
	 * @return the interval
	 * @throws IllegalArgumentException for anything else
	 */
	public static BillingInterval parse(String value) {
		return switch (value == null ? "" : value.trim().toLowerCase(Locale.ROOT)) {
			case "month", "monthly" -> MONTH;
			case "year", "yearly", "annual" -> YEAR;
			default -> throw new IllegalArgumentException("Unknown billing interval '" + value + "'");
		};
	}

}
