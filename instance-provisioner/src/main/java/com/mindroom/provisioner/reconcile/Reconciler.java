package com.mindroom.provisioner.reconcile;

/**
 * One reconcile pass over a claimed instance.
 */
@FunctionalInterface
interface Reconciler {

	/**
	 * Moves the cluster one step towards the instance's desired state without waiting for
	 * it.
	 * @param claim the claimed instance
	 * @return how the pass ended
	 * @throws RuntimeException when a step fails (the loop retries with backoff)
	 */
	Outcome reconcile(Claim claim);

}
