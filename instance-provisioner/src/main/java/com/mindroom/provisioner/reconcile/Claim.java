package com.mindroom.provisioner.reconcile;

import java.time.Instant;
import java.util.UUID;

import com.mindroom.common.lifecycle.DesiredState;
import com.mindroom.common.lifecycle.ObservedState;
import com.mindroom.provisioner.cluster.Tenant;

/**
 * An instance claimed by this replica for one reconcile pass, as its row read at claim
 * time.
 *
 * @param id the instance id
 * @param accountId the owning account
 * @param slug the customer's slug
 * @param plan the plan id
 * @param desired what should run
 * @param generation the generation of the desired spec this pass works towards
 * @param observed what was last observed
 * @param observedGeneration the generation last observed
 * @param attempts failed attempts since the last success
 * @param lastError why the last pass failed, when it did
 * @param namespace the tenant namespace
 * @param url the instance's URL
 * @param matrixUrl its homeserver's URL
 * @param chartVersion the chart version last applied
 * @param valuesHash the hash of the values last applied
 * @param appliedGeneration the generation last applied
 * @param inventory the objects last applied, if any
 * @param rolloutStartedAt when the last apply happened
 * @param restartRequestedAt the last restart request
 * @param reprovisionRequestedAt the last reprovision request
 * @param reprovisionedAt the reprovision request last carried out
 * @param restartedAt the restart request last rolled out
 * @param claimedBy the replica holding the claim
 * @param now the database's time at the claim
 */
record Claim(UUID id, UUID accountId, String slug, String plan, DesiredState desired, long generation,
		ObservedState observed, long observedGeneration, int attempts, String lastError, String namespace, String url,
		String matrixUrl, String chartVersion, String valuesHash, long appliedGeneration, Inventory inventory,
		Instant rolloutStartedAt, Instant restartRequestedAt, Instant reprovisionRequestedAt, Instant reprovisionedAt,
		Instant restartedAt, String claimedBy, Instant now) {

	Tenant tenant() {
		return new Tenant(this.id, this.accountId, this.plan, this.namespace);
	}

	boolean restartPending() {
		return this.restartRequestedAt != null && !this.restartRequestedAt.equals(this.restartedAt);
	}

	boolean reprovisionPending() {
		return this.reprovisionRequestedAt != null && !this.reprovisionRequestedAt.equals(this.reprovisionedAt);
	}

	/**
	 * Whether the instance has settled in its desired state at its current generation.
	 * @return whether there is no change to roll out
	 */
	boolean settled() {
		return this.observedGeneration == this.generation && switch (this.desired) {
			case RUNNING -> this.observed == ObservedState.RUNNING || this.observed == ObservedState.DEGRADED;
			case SUSPENDED -> this.observed == ObservedState.SUSPENDED;
			case DELETED -> this.observed == ObservedState.DELETED;
		};
	}

}
