package com.mindroom.admin.instance;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.mindroom.admin.account.AccountViews.InstanceEvent;

/**
 * What the instance pages and the JSON API show about instances.
 */
public final class InstanceViews {

	private InstanceViews() {
	}

	/**
	 * An instance in a list.
	 *
	 * @param id the instance
	 * @param slug its slug
	 * @param plan its plan
	 * @param desiredState what it should be doing
	 * @param observedState what it is doing
	 * @param lastError its last error
	 * @param accountId the owning account
	 * @param accountEmail the owner's email
	 * @param updatedAt when the row last changed
	 */
	public record InstanceRow(UUID id, String slug, String plan, String desiredState, String observedState,
			String lastError, UUID accountId, String accountEmail, OffsetDateTime updatedAt) {

	}

	/**
	 * An instance's state: what should run, what runs, and the requests in flight. The
	 * page polls it to show an action taking effect.
	 *
	 * @param id the instance
	 * @param slug its slug
	 * @param plan its plan
	 * @param desiredState what it should be doing
	 * @param desiredReason why
	 * @param generation the generation of the desired state
	 * @param observedState what it is doing
	 * @param observedGeneration the generation the provisioner last reached
	 * @param observedAt when the provisioner last looked
	 * @param lastError its last error
	 * @param healthStatus the last health check
	 * @param healthReason why the health check said so
	 * @param suspendedByAdmin whether an admin holds it suspended
	 * @param stoppedByCustomer whether the customer stopped it
	 * @param attempts failed reconcile attempts in a row
	 * @param nextAttemptAt when the provisioner tries next
	 */
	public record InstanceState(UUID id, String slug, String plan, String desiredState, String desiredReason,
			long generation, String observedState, long observedGeneration, OffsetDateTime observedAt, String lastError,
			String healthStatus, String healthReason, boolean suspendedByAdmin, boolean stoppedByCustomer, int attempts,
			OffsetDateTime nextAttemptAt) {

		/**
		 * Whether the provisioner has caught up with the desired state.
		 * @return whether it has
		 */
		public boolean settled() {
			return this.observedGeneration >= this.generation && !"pending".equals(this.observedState)
					&& !"provisioning".equals(this.observedState) && !"suspending".equals(this.observedState)
					&& !"deleting".equals(this.observedState);
		}

	}

	/**
	 * Everything about one instance.
	 *
	 * @param state its state
	 * @param accountId the owning account
	 * @param accountEmail the owner's email
	 * @param url where it is reached
	 * @param namespace its Kubernetes namespace
	 * @param subscriptionStatus its subscription's status
	 * @param events its newest events
	 */
	public record InstanceDetail(InstanceState state, UUID accountId, String accountEmail, String url, String namespace,
			String subscriptionStatus, List<InstanceEvent> events) {

	}

}
