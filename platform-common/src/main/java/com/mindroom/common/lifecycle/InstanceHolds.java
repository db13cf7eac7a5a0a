package com.mindroom.common.lifecycle;

/**
 * Holds that keep an entitled instance from running.
 *
 * @param stoppedByCustomer the customer stopped it
 * @param suspendedByAdmin an admin suspended it
 * @param restoring a restore is replacing its data (it runs again once the data is back)
 */
public record InstanceHolds(boolean stoppedByCustomer, boolean suspendedByAdmin, boolean restoring) {

	public static final InstanceHolds NONE = new InstanceHolds(false, false, false);

	public InstanceHolds(boolean stoppedByCustomer, boolean suspendedByAdmin) {
		this(stoppedByCustomer, suspendedByAdmin, false);
	}

}
