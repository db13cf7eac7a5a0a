package com.mindroom.common.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A signed-in identity: the account and the tokens that prove it.
 *
 * @param accountId the account id (the token's subject)
 * @param email the account's email
 * @param accessToken the access token (a JWT)
 * @param refreshToken the refresh token
 * @param expiresAt when the access token expires
 */
public record Session(UUID accountId, String email, String accessToken, String refreshToken, Instant expiresAt) {

	@Override
	public String toString() {
		return "Session[accountId=" + this.accountId + ", expiresAt=" + this.expiresAt + "]";
	}

}
