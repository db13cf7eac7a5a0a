package com.mindroom.stripe.webhook;

import java.util.Optional;

/**
 * Reads the timestamp of a {@code Stripe-Signature} header
 * ({@code t=<unix seconds>,v1=<hex>,...}), which stripe-java checks only against
 * signatures that are too old.
 */
final class SignatureHeader {

	private SignatureHeader() {
	}

	/**
	 * Finds the header's timestamp.
	 * @param header the header value
	 * @return the timestamp in Unix seconds, or empty when it has none that is readable
	 */
	static Optional<Long> timestamp(String header) {
		for (String item : header.split(",")) {
			String[] parts = item.trim().split("=", 2);
			if (parts.length == 2 && parts[0].equals("t")) {
				try {
					return Optional.of(Long.parseLong(parts[1].trim()));
				}
				catch (NumberFormatException ex) {
					return Optional.empty();
				}
			}
		}
		return Optional.empty();
	}

}
