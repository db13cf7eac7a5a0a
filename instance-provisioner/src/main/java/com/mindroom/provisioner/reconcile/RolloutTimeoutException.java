package com.mindroom.provisioner.reconcile;

/**
 * Thrown when an instance's workloads did not become ready (or stop) in time.
 */
class RolloutTimeoutException extends RuntimeException {

	RolloutTimeoutException(String message) {
		super(message);
	}

}
