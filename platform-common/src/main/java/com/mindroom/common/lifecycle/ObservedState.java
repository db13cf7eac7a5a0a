package com.mindroom.common.lifecycle;

import java.util.Locale;

/**
 * What the provisioner last saw of an instance in the cluster, as stored in
 * {@code instances.observed_state}.
 */
public enum ObservedState {

	PENDING, PROVISIONING, RUNNING, DEGRADED, SUSPENDING, SUSPENDED, DELETING, DELETED, ERROR;

	public String dbValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static ObservedState fromDb(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

	/**
	 * Whether the provisioner is still working towards the desired state.
	 * @return whether this is a transitional state
	 */
	public boolean inProgress() {
		return this == PENDING || this == PROVISIONING || this == SUSPENDING || this == DELETING;
	}

}
