package com.mindroom.admin.overview;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Formats amounts held in minor units (cents) with their currency, for people.
 */
public final class Money {

	private Money() {
	}

	/**
	 * Formats an amount.
	 * @param minorUnits the amount in the currency's minor units
	 * @param currency the ISO 4217 code, any case
	 * @return text such as {@code USD 1,234.56}
	 */
	public static String format(long minorUnits, String currency) {
		Currency unit = currencyOf(currency);
		int digits = (unit != null) ? Math.max(0, unit.getDefaultFractionDigits()) : 2;
		NumberFormat number = NumberFormat.getNumberInstance(Locale.US);
		number.setMinimumFractionDigits(digits);
		number.setMaximumFractionDigits(digits);
		return currency.toUpperCase(Locale.ROOT) + " " + number.format(BigDecimal.valueOf(minorUnits, digits));
	}

	/**
	 * Formats amounts in several currencies, one after the other.
	 * @param amounts minor units by currency
	 * @return the amounts, or {@code 0} when there are none
	 */
	public static String format(Map<String, Long> amounts) {
		if (amounts.isEmpty()) {
			return "0";
		}
		return amounts.entrySet()
			.stream()
			.map((entry) -> format(entry.getValue(), entry.getKey()))
			.collect(Collectors.joining(" + "));
	}

	private static Currency currencyOf(String code) {
		try {
			return Currency.getInstance(code.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
