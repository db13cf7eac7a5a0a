package com.mindroom.portal.billing;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/**
 * Formats amounts in minor units for people ({@code 2900 usd} reads {@code $29.00}).
 */
public final class Money {

	private Money() {
	}

	public static String format(long minorUnits, String currency) {
		if (currency == null) {
			return "";
		}
		Currency unit = Currency.getInstance(currency.toUpperCase(Locale.ROOT));
		BigDecimal amount = BigDecimal.valueOf(minorUnits, Math.max(0, unit.getDefaultFractionDigits()));
		String symbol = "USD".equals(unit.getCurrencyCode()) ? "$" : unit.getCurrencyCode() + " ";
		return symbol + amount.toPlainString();
	}

	/**
	 * A whole-unit price without cents where there are none ({@code $29}).
	 * @param minorUnits the amount
	 * @param currency the currency
	 * @return the price
	 */
	public static String price(long minorUnits, String currency) {
		String full = format(minorUnits, currency);
		return full.endsWith(".00") ? full.substring(0, full.length() - 3) : full;
	}

}
