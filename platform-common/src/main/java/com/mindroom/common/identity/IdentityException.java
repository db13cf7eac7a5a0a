package com.mindroom.common.identity;

/**
 * A refused identity operation; the message is safe to show to the person who tried.
 */
public class IdentityException extends RuntimeException {

	private final Kind kind;

	public IdentityException(Kind kind, String message) {
		super(message);
		this.kind = kind;
	}

	public IdentityException(Kind kind, String message, Throwable cause) {
		super(message, cause);
		this.kind = kind;
	}

	public Kind kind() {
		return this.kind;
	}

	public static IdentityException invalidCredentials() {
		return new IdentityException(Kind.INVALID_CREDENTIALS, "The email or password is incorrect.");
	}

	public static IdentityException invalidToken() {
		return new IdentityException(Kind.INVALID_TOKEN, "This link is invalid or has expired.");
	}

	/**
	 * Why an identity operation was refused.
	 */
	public enum Kind {

		/** Wrong email or password (never says which). */
		INVALID_CREDENTIALS,

		/** The email is not confirmed yet. */
		EMAIL_NOT_CONFIRMED,

		/** The account is suspended or deleted. */
		ACCOUNT_DISABLED,

		/** A reset, confirmation or refresh token is unknown, used or expired. */
		INVALID_TOKEN,

		/** The request itself is invalid (a weak password, a malformed email). */
		INVALID_INPUT,

		/** The identity provider could not be reached or failed. */
		UNAVAILABLE

	}

}
