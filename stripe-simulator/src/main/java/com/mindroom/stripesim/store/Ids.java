package com.mindroom.stripesim.store;

import java.security.SecureRandom;

/**
 * Random ids in Stripe's style: a type prefix and random base-62 characters.
 */
public final class Ids {

	private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private static final SecureRandom random = new SecureRandom();

	private Ids() {
	}

	/**
	 * A new id with 24 random characters ({@code cus_...}, {@code sub_...}).
	 * @param prefix the prefix without the underscore
	 * @return the id
	 */
	public static String next(String prefix) {
		return prefix + "_" + random(24);
	}

	/**
	 * A new id with the given number of random characters, for ids that also act as
	 * secrets (checkout and portal sessions).
	 * @param prefix the prefix without the underscore
	 * @param length the number of random characters
	 * @return the id
	 */
	public static String secret(String prefix, int length) {
		return prefix + "_" + random(length);
	}

	private static String random(int length) {
		StringBuilder id = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return id.toString();
	}

}
