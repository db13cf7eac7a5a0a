package com.mindroom.common.lifecycle;

import java.util.Locale;

/**
 * The status of a customer account, as stored in {@code accounts.status}.
 */
public enum AccountStatus {

	ACTIVE, SUSPENDED, DELETED;

	public String dbValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static AccountStatus fromDb(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
