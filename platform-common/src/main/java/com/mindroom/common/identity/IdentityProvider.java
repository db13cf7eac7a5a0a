package com.mindroom.common.identity;

import java.util.Optional;

/**
 * Signs people up and in. Two implementations exist: Supabase Auth through its REST API
 * when {@code SUPABASE_URL} is set, the built-in accounts otherwise. Both issue JWTs of
 * the same shape ({@code sub}, {@code email}, {@code role}, {@code aud=authenticated})
 * and both keep the {@code accounts} row (id = subject) in step, so nothing else needs to
 * know which one runs.
 */
public interface IdentityProvider {

	/**
	 * The provider's name, {@code builtin} or {@code supabase}.
	 * @return the name
	 */
	String name();

	/**
	 * Creates an account. When confirmation is required, or when the email already has an
	 * account, the outcome only says that an email was sent.
	 * @param email the email
	 * @param password the password (checked against {@link PasswordPolicy})
	 * @param name the display name
	 * @param confirmUrl where the confirmation link leads (the token is appended)
	 * @return the outcome
	 */
	SignUpOutcome signUp(String email, String password, String name, String confirmUrl);

	/**
	 * Signs in with a password.
	 * @param email the email
	 * @param password the password
	 * @return the session
	 * @throws IdentityException for wrong credentials, an unconfirmed email or a disabled
	 * account
	 */
	Session signIn(String email, String password);

	/**
	 * Exchanges a refresh token for a new session (the old refresh token is used up).
	 * @param refreshToken the refresh token
	 * @return the new session
	 */
	Session refresh(String refreshToken);

	/**
	 * Ends a session (revokes its refresh token).
	 * @param session the session
	 */
	void signOut(Session session);

	/**
	 * Sends a password reset link if the email has an account; says nothing either way.
	 * @param email the email
	 * @param resetUrl where the link leads (the token is appended)
	 */
	void sendPasswordReset(String email, String resetUrl);

	/**
	 * Sets a new password with the token from a reset link, and signs in.
	 * @param token the token from the link
	 * @param newPassword the new password
	 * @return the session
	 */
	Session resetPassword(String token, String newPassword);

	/**
	 * Confirms an email with the token from a confirmation link, and signs in.
	 * @param token the token from the link
	 * @return the session
	 */
	Session confirmEmail(String token);

	/**
	 * Changes the signed-in account's password.
	 * @param session the session
	 * @param newPassword the new password
	 */
	void changePassword(Session session, String newPassword);

	/**
	 * Starts changing the signed-in account's email address: a confirmation link goes to
	 * the new address, and nothing changes until it is used.
	 * @param session the session (of a sign-in that has just checked the password)
	 * @param newEmail the new address (the caller has checked that it is free)
	 * @param confirmUrl where the link leads (the token is appended)
	 * @throws IdentityException with {@code INVALID_INPUT} for a malformed or taken
	 * address
	 */
	void requestEmailChange(Session session, String newEmail, String confirmUrl);

	/**
	 * Completes an email change with the token from the confirmation link.
	 * @param token the token from the link
	 * @return the change, or empty when the provider accepted the link but waits for the
	 * one it sent to the other address too (Supabase's secure email change)
	 * @throws IdentityException with {@code INVALID_TOKEN} for an unknown, used or
	 * expired link
	 */
	Optional<EmailChange> confirmEmailChange(String token);

}
