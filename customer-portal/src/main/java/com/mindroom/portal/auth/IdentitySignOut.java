package com.mindroom.portal.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.common.identity.IdentityException;
import com.mindroom.common.identity.IdentityProvider;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/**
 * Ends the identity provider's session when a browser session signs out (revokes its
 * refresh token); the browser session ends regardless.
 */
@Component
class IdentitySignOut implements LogoutHandler {

	private static final Logger logger = LoggerFactory.getLogger(IdentitySignOut.class);

	private final IdentityProvider identity;

	private final SessionTokens tokens;

	IdentitySignOut(IdentityProvider identity, SessionTokens tokens) {
		this.identity = identity;
		this.tokens = tokens;
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		this.tokens.current(request).ifPresent((session) -> {
			try {
				this.identity.signOut(session);
			}
			catch (IdentityException ex) {
				logger.warn("Could not end the provider session of account {}: {}", session.accountId(),
						ex.getMessage());
			}
		});
	}

}
