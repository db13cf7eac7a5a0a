package com.mindroom.portal.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.common.identity.IdentityException;
import com.mindroom.common.identity.IdentityException.Kind;
import com.mindroom.common.identity.IdentityProvider;
import com.mindroom.common.identity.Session;

import org.springframework.stereotype.Component;

/**
 * Keeps the identity provider's session in the browser session and refreshes it shortly
 * before the access token expires. Refresh tokens are single-use, so a refresh another
 * request of the same session just made (this replica) is reused rather than repeated; a
 * refresh lost to another replica leaves the session alone while its access token is
 * still valid.
 */
@Component
public class SessionTokens {

	static final String ATTRIBUTE = "mindroom.identity.tokens";

	private static final Logger logger = LoggerFactory.getLogger(SessionTokens.class);

	private static final Duration EARLY = Duration.ofMinutes(2);

	private static final int REMEMBERED = 10_000;

	private final IdentityProvider identity;

	// token lifetimes follow real time, never a simulated platform clock
	private final Clock clock = Clock.systemUTC();

	private final Map<String, PortalTokens> recentRefreshes = Collections
		.synchronizedMap(new LinkedHashMap<>(256, 0.75f, false) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, PortalTokens> eldest) {
				return size() > REMEMBERED;
			}
		});

	private final Object[] locks = new Object[64];

	SessionTokens(IdentityProvider identity) {
		this.identity = identity;
		for (int i = 0; i < this.locks.length; i++) {
			this.locks[i] = new Object();
		}
	}

	void store(HttpSession session, Session tokens) {
		session.setAttribute(ATTRIBUTE, PortalTokens.of(tokens));
	}

	/**
	 * The provider session of a browser session.
	 * @param request the request
	 * @return the provider session, if signed in
	 */
	public Optional<Session> current(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return Optional.ofNullable((session != null) ? (PortalTokens) session.getAttribute(ATTRIBUTE) : null)
			.map(PortalTokens::session);
	}

	/**
	 * Refreshes the session's tokens when they are about to expire.
	 * @param request the request
	 * @return whether the session is still valid; {@code false} when the provider no
	 * longer accepts it
	 */
	public boolean keepFresh(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		PortalTokens tokens = (session != null) ? (PortalTokens) session.getAttribute(ATTRIBUTE) : null;
		if (tokens == null) {
			return false;
		}
		Instant now = this.clock.instant();
		if (tokens.expiresAt().isAfter(now.plus(EARLY))) {
			return true;
		}
		try {
			session.setAttribute(ATTRIBUTE, refreshed(tokens));
			return true;
		}
		catch (IdentityException ex) {
			return keepAfterFailedRefresh(tokens, ex, now);
		}
	}

	private PortalTokens refreshed(PortalTokens tokens) {
		synchronized (this.locks[Math.floorMod(tokens.refreshToken().hashCode(), this.locks.length)]) {
			PortalTokens known = this.recentRefreshes.get(tokens.refreshToken());
			if (known != null) {
				return known;
			}
			PortalTokens fresh = PortalTokens.of(this.identity.refresh(tokens.refreshToken()));
			this.recentRefreshes.put(tokens.refreshToken(), fresh);
			logger.debug("Refreshed the provider session of account {}", tokens.accountId());
			return fresh;
		}
	}

	private boolean keepAfterFailedRefresh(PortalTokens tokens, IdentityException ex, Instant now) {
		if (ex.kind() == Kind.UNAVAILABLE) {
			logger.warn("Could not refresh the session of account {}: {}", tokens.accountId(), ex.getMessage());
			return true;
		}
		if (ex.kind() == Kind.INVALID_TOKEN || ex.kind() == Kind.INVALID_CREDENTIALS) {
			return tokens.expiresAt().isAfter(now);
		}
		return false;
	}

}
