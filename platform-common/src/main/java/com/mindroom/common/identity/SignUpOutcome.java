package com.mindroom.common.identity;

/**
 * What a sign-up led to. It never tells whether the email already had an account.
 *
 * @param session the new session when no email confirmation is required, otherwise
 * {@code null}
 * @param confirmationSent whether the person must confirm their email before signing in
 */
public record SignUpOutcome(Session session, boolean confirmationSent) {

}
