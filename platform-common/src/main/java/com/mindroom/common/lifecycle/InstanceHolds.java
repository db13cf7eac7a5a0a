package com.mindroom.common.lifecycle;

/**
 * Holds that keep an entitled instance from running.
 *
 * @param stoppedByCustomer the customer stopped it
 * @param suspendedByAdmin an admin suspended it
 */
public record InstanceHolds(boolean stoppedByCustomer, boolean suspendedByAdmin) {

	public static final InstanceHolds NONE = new InstanceHolds(false, false);

}
