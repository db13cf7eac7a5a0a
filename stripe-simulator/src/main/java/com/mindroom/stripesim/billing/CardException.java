package com.mindroom.stripesim.billing;

/**
 * A card that cannot be used, as Stripe answers with a {@code card_error}.
 */
public class CardException extends RuntimeException {

	private final String code;

	public CardException(String message, String code) {
		super(message);
		this.code = code;
	}

	/**
	 * Stripe's error code ({@code card_declined}, {@code incorrect_number}...).
	 * @return the code
	 */
	public String code() {
		return this.code;
	}

}
