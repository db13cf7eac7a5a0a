package com.mindroom.portal.auth;

import jakarta.servlet.http.HttpServletRequest;

import com.mindroom.common.identity.IdentityException;
import com.mindroom.common.identity.IdentityProvider;
import com.mindroom.common.identity.Session;
import com.mindroom.portal.system.Caller;

import org.springframework.stereotype.Component;

/**
 * Changes a signed-in customer's password: the current one is checked first (throttled
 * like a sign-in), and the browser session continues with fresh tokens, since a change
 * revokes the old refresh tokens.
 */
@Component
public class PasswordChange {

	private final IdentityProvider identity;

	private final SignIns signIns;

	private final SessionTokens tokens;

	PasswordChange(IdentityProvider identity, SignIns signIns, SessionTokens tokens) {
		this.identity = identity;
		this.signIns = signIns;
		this.tokens = tokens;
	}

	/**
	 * Changes the password.
	 * @param caller the customer
	 * @param current the current password
	 * @param replacement the new password
	 * @param request the request
	 * @throws IdentityException when the current password is wrong or the new one is weak
	 */
	public void change(Caller caller, String current, String replacement, HttpServletRequest request) {
		Session verified = this.signIns.confirmPassword(caller.email(), current, request);
		this.identity.changePassword(verified, replacement);
		this.tokens.store(request.getSession(), this.identity.signIn(caller.email(), replacement));
		this.signIns.audited(verified, "auth.password_changed", request);
	}

}
