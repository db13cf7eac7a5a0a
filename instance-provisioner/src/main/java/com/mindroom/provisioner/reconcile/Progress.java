package com.mindroom.provisioner.reconcile;

import com.mindroom.common.lifecycle.ObservedState;

/**
 * What a pass reports while it works: the transitional state it enters, each step as a
 * progress event the customer sees live, and what it applied.
 */
class Progress {

	private final ReconcileQueue queue;

	private final InstanceEvents events;

	Progress(ReconcileQueue queue, InstanceEvents events) {
		this.queue = queue;
		this.events = events;
	}

	void begin(Claim claim, ObservedState state, String message) {
		if (!this.queue.begin(claim, state, message)) {
			step(claim, message);
		}
	}

	void step(Claim claim, String message) {
		this.events.progress(claim.id(), claim.generation(), message);
	}

	void applied(Claim claim, Applied applied) {
		this.queue.recordApplied(claim, applied);
	}

}
