package com.mindroom.portal.auth;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import com.mindroom.common.identity.Session;

/**
 * The identity provider's tokens of a browser session, kept server-side in the session
 * (Spring Session stores attributes serialized, which the platform's {@link Session} is
 * not).
 *
 * @param accountId the account
 * @param email its email
 * @param accessToken the access token
 * @param refreshToken the refresh token
 * @param expiresAt when the access token expires
 */
record PortalTokens(UUID accountId, String email, String accessToken, String refreshToken,
		Instant expiresAt) implements Serializable {

	static PortalTokens of(Session session) {
		return new PortalTokens(session.accountId(), session.email(), session.accessToken(), session.refreshToken(),
				session.expiresAt());
	}

	Session session() {
		return new Session(this.accountId, this.email, this.accessToken, this.refreshToken, this.expiresAt);
	}

	@Override
	public String toString() {
		return "PortalTokens[accountId=" + this.accountId + ", expiresAt=" + this.expiresAt + "]";
	}

}
