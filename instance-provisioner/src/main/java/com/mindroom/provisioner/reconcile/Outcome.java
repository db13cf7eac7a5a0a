package com.mindroom.provisioner.reconcile;

import com.mindroom.common.lifecycle.ObservedState;

/**
 * How a reconcile pass ended, which decides what is written to the instance's row and
 * when it is looked at again.
 */
sealed interface Outcome {

	/**
	 * The instance reached its desired state.
	 *
	 * @param state the state reached
	 * @param message what to tell the customer
	 */
	record Settled(ObservedState state, String message) implements Outcome {

	}

	/**
	 * Nothing changed; checked again at the next sweep.
	 */
	record Unchanged() implements Outcome {

	}

	/**
	 * The cluster is still converging (pods starting or stopping, a namespace
	 * terminating); checked again shortly.
	 *
	 * @param state the transitional state
	 */
	record Waiting(ObservedState state) implements Outcome {

	}

	/**
	 * The pass failed; retried with backoff.
	 *
	 * @param reason a readable reason, without secrets
	 */
	record Failed(String reason) implements Outcome {

	}

}
