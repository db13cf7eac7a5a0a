package com.mindroom.common.identity;

import java.util.Locale;
import java.util.Set;

/**
 * What a password must be (NIST SP 800-63B): at least 10 characters, at most 128, not one
 * of the most common passwords, not made of the email, not a single repeated character.
 */
public final class PasswordPolicy {

	private static final Set<String> COMMON = Set.of("password", "password1", "password12", "password123", "1234567890",
			"12345678910", "qwertyuiop", "qwerty1234", "iloveyou12", "letmein123", "welcome123", "administrator",
			"passw0rd12", "abc1234567", "mindroom123", "changeme123", "0987654321", "1q2w3e4r5t", "monkey1234",
			"football12", "baseball12", "sunshine12", "trustno1234", "dragon1234", "superman12");

	private PasswordPolicy() {
	}

	/**
	 * Checks a password.
	 * @param password the password
	 * @param email the account's email
	 * @throws IdentityException with {@code INVALID_INPUT} and a message saying what to
	 * fix
	 */
	public static void check(String password, String email) {
		if (password == null || password.length() < 10) {
			throw weak("Use at least 10 characters.");
		}
		if (password.length() > 128) {
			throw weak("Use at most 128 characters.");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (COMMON.contains(lower) || password.chars().distinct().count() == 1) {
			throw weak("This password is too common; choose another.");
		}
		String local = (email != null && email.contains("@"))
				? email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT) : "";
		if (local.length() >= 4 && lower.contains(local)) {
			throw weak("Don't use your email address in your password.");
		}
	}

	private static IdentityException weak(String message) {
		return new IdentityException(IdentityException.Kind.INVALID_INPUT, message);
	}

}
