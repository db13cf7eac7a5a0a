package com.mindroom.portal.system;

import java.util.UUID;

import com.mindroom.common.audit.Actor;

/**
 * The signed-in customer a request acts for, whether it came with a browser session or a
 * bearer token.
 *
 * @param accountId the account id
 * @param email the account's email
 */
public record Caller(UUID accountId, String email) {

	public Actor actor() {
		return Actor.customer(this.accountId, this.email);
	}

	/**
	 * How the caller is named in instance events.
	 * @return a label such as {@code customer:ada@example.com}
	 */
	public String label() {
		return actor().label();
	}

}
