package com.mindroom.common.lifecycle;

import java.time.Instant;

/**
 * The account facts the lifecycle decides on.
 *
 * @param status the account's status
 * @param deletionScheduledFor when a requested deletion takes effect (after its grace
 * period), if any
 */
public record AccountSnapshot(AccountStatus status, Instant deletionScheduledFor) {

	public static AccountSnapshot active() {
		return new AccountSnapshot(AccountStatus.ACTIVE, null);
	}

}
