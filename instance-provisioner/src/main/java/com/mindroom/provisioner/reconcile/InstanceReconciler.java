package com.mindroom.provisioner.reconcile;

import com.mindroom.common.lifecycle.DesiredState;

/**
 * The reconcile pass: an instance that should be deleted is deleted, any other is rolled
 * out to run or to be suspended.
 */
class InstanceReconciler implements Reconciler {

	private final InstanceRollout rollout;

	private final InstanceDeletion deletion;

	InstanceReconciler(InstanceRollout rollout, InstanceDeletion deletion) {
		this.rollout = rollout;
		this.deletion = deletion;
	}

	@Override
	public Outcome reconcile(Claim claim) {
		return (claim.desired() == DesiredState.DELETED) ? this.deletion.reconcile(claim)
				: this.rollout.reconcile(claim);
	}

}
