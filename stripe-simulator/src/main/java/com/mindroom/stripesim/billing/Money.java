package com.mindroom.stripesim.billing;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Formats amounts in minor units for people ({@code $29.00}).
 */
public final class Money {

	private Money() {
	}

	public static String format(long amount, String currency) {
		String value = BigDecimal.valueOf(Math.abs(amount), 2).toPlainString();
		String sign = (amount < 0) ? "-" : "";
		return "usd".equalsIgnoreCase(currency) ? sign + "$" + value
				: sign + value + " " + currency.toUpperCase(Locale.ROOT);
	}

}
