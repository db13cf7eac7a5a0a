package com.mindroom.common.identity;

import java.util.regex.Pattern;

/**
 * Normalises and checks email addresses people type in.
 */
public final class EmailAddresses {

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

	private EmailAddresses() {
	}

	/**
	 * Returns the trimmed email, or refuses it.
	 * @param email what was typed
	 * @return the email
	 * @throws IdentityException with {@code INVALID_INPUT} when it is not an email
	 * address
	 */
	public static String normalize(String email) {
		String trimmed = (email != null) ? email.trim() : "";
		if (trimmed.length() > 254 || !EMAIL.matcher(trimmed).matches()) {
			throw new IdentityException(IdentityException.Kind.INVALID_INPUT, "Enter a valid email address.");
		}
		return trimmed;
	}

}
