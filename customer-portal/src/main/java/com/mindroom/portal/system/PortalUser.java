package com.mindroom.portal.system;

import java.io.Serializable;
import java.util.UUID;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The principal of a signed-in browser session. Its name is the account id, which Spring
 * Session records as the session's principal (the gateway reads it to rate-limit per
 * account).
 *
 * @param accountId the account id
 * @param email the account's email
 */
public record PortalUser(UUID accountId, String email) implements AuthenticatedPrincipal, Serializable {

	@Override
	public String getName() {
		return this.accountId.toString();
	}

}
