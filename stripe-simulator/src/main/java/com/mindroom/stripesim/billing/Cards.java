package com.mindroom.stripesim.billing;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Stripe's test card numbers and what they do here: {@code 4242 4242 4242 4242} always
 * pays, {@code 4000 0000 0000 0341} pays now but every later charge fails,
 * {@code 4000 0000 0000 0002} is declined; any other number that passes the Luhn check
 * pays.
 */
public final class Cards {

	/** The card the hosted pages offer. */
	public static final String GOOD = "4242424242424242";

	/** Pays now, fails every later charge. */
	public static final String FAILS_LATER = "4000000000000341";

	/** Always declined. */
	public static final String DECLINED = "4000000000000002";

	private Cards() {
	}

	/**
	 * Reads a card as a person types it (spaces and dashes allowed in the number).
	 * @param number the number
	 * @param expiry the expiry date as {@code MM / YY}, or empty for a date five years
	 * ahead
	 * @return the card
	 * @throws CardException when the number is not a card number or the card has expired
	 */
	public static Card parse(String number, String expiry) {
		int[] monthYear = expiry(expiry);
		String digits = (number != null) ? number.replaceAll("[\\s-]", "") : "";
		if (!digits.matches("\\d{13,19}") || !luhn(digits)) {
			throw new CardException("Your card number is incorrect.", "incorrect_number");
		}
		Behavior behavior = switch (digits) {
			case FAILS_LATER -> Behavior.FAILS_LATER;
			case DECLINED -> Behavior.DECLINED;
			default -> Behavior.PAYS;
		};
		return new Card(brand(digits), digits.substring(digits.length() - 4), behavior, monthYear[0], monthYear[1]);
	}

	private static int[] expiry(String expiry) {
		ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
		if (expiry == null || expiry.isBlank()) {
			return new int[] { 12, now.getYear() + 5 };
		}
		String[] parts = expiry.replaceAll("\\s", "").split("/");
		if (parts.length != 2 || !parts[0].matches("\\d{1,2}") || !parts[1].matches("\\d{2}|\\d{4}")) {
			throw new CardException("Your card's expiration date is incomplete.", "invalid_expiry_year");
		}
		int month = Integer.parseInt(parts[0]);
		int year = Integer.parseInt(parts[1]) + ((parts[1].length() == 2) ? 2000 : 0);
		if (month < 1 || month > 12) {
			throw new CardException("Your card's expiration month is invalid.", "invalid_expiry_month");
		}
		if (year < now.getYear() || (year == now.getYear() && month < now.getMonthValue())) {
			throw new CardException("Your card's expiration date is in the past.", "invalid_expiry_year");
		}
		return new int[] { month, year };
	}

	private static String brand(String digits) {
		if (digits.startsWith("4")) {
			return "visa";
		}
		if (digits.startsWith("34") || digits.startsWith("37")) {
			return "amex";
		}
		return digits.startsWith("5") || digits.startsWith("2") ? "mastercard" : "unknown";
	}

	private static boolean luhn(String digits) {
		int sum = 0;
		for (int i = 0; i < digits.length(); i++) {
			int digit = digits.charAt(digits.length() - 1 - i) - '0';
			if (i % 2 == 1) {
				digit = (digit * 2 > 9) ? digit * 2 - 9 : digit * 2;
			}
			sum += digit;
		}
		return sum % 10 == 0;
	}

	/**
	 * What a card does when it is charged.
	 */
	public enum Behavior {

		PAYS, FAILS_LATER, DECLINED;

		/**
		 * Whether a charge succeeds.
		 * @param atCheckout whether it is the charge made as the card is entered
		 * @return whether the charge goes through
		 */
		public boolean charges(boolean atCheckout) {
			return this == PAYS || (this == FAILS_LATER && atCheckout);
		}

	}

	/**
	 * A test card.
	 *
	 * @param brand the card brand
	 * @param last4 the last four digits
	 * @param behavior what it does when charged
	 * @param expMonth the expiry month
	 * @param expYear the expiry year
	 */
	public record Card(String brand, String last4, Behavior behavior, int expMonth, int expYear) {

	}

}
