package com.mindroom.portal.system;

import java.util.Optional;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Tells which customer the current request is signed in as: the {@link PortalUser} of a
 * browser session or the subject of a verified bearer token.
 */
public final class Callers {

	private Callers() {
	}

	public static Optional<Caller> current() {
		return of(SecurityContextHolder.getContext().getAuthentication());
	}

	/**
	 * The caller an authentication stands for.
	 * @param authentication the authentication, possibly {@code null}
	 * @return the caller, if signed in
	 */
	public static Optional<Caller> of(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()) {
			return Optional.empty();
		}
		if (authentication.getPrincipal() instanceof PortalUser user) {
			return Optional.of(new Caller(user.accountId(), user.email()));
		}
		if (authentication.getPrincipal() instanceof Jwt jwt) {
			try {
				return Optional.of(new Caller(UUID.fromString(jwt.getSubject()), jwt.getClaimAsString("email")));
			}
			catch (IllegalArgumentException ex) {
				return Optional.empty();
			}
		}
		return Optional.empty();
	}

}
