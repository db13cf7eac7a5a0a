package com.mindroom.common.lifecycle;

import java.util.Locale;

/**
 * What should run for an instance, as stored in {@code instances.desired_state}.
 */
public enum DesiredState {

	RUNNING, SUSPENDED, DELETED;

	public String dbValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static DesiredState fromDb(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
