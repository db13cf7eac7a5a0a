package com.mindroom.portal.instance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import com.mindroom.common.db.Timestamps;

/**
 * A customer's instance: what should run, what runs, and where.
 *
 * @param id the instance id
 * @param slug its DNS name
 * @param plan its plan
 * @param desiredState {@code running}, {@code suspended} or {@code deleted}
 * @param desiredReason why (shown to the customer)
 * @param observedState what the provisioner last saw
 * @param generation the generation of the desired state
 * @param observedGeneration the generation the provisioner last reached
 * @param lastError the provisioner's last error, if any
 * @param url where the instance is served
 * @param healthStatus {@code up}, {@code degraded} or {@code down}, once checked
 * @param stoppedByCustomer whether the customer stopped it
 * @param createdAt when it was created
 * @param observedAt when its state was last observed
 */
public record InstanceView(UUID id, String slug, String plan, String desiredState, String desiredReason,
		String observedState, long generation, long observedGeneration, String lastError, String url,
		String healthStatus, boolean stoppedByCustomer, Instant createdAt, Instant observedAt) {

	private static final Set<String> MOVING = Set.of("pending", "provisioning", "suspending", "deleting");

	static final String COLUMNS = """
			i.id, i.slug, i.plan, i.desired_state, i.desired_reason, i.observed_state, i.generation,
			i.observed_generation, i.last_error, i.url, i.health_status, i.stopped_by_customer, i.created_at,
			i.observed_at
			""";

	/**
	 * Whether the provisioner is still working towards the desired state (the dashboard
	 * then shows live progress).
	 * @return whether it is settling
	 */
	public boolean settling() {
		return !"deleted".equals(this.desiredState)
				&& (this.observedGeneration < this.generation || MOVING.contains(this.observedState));
	}

	public boolean canStart() {
		return "suspended".equals(this.desiredState) && this.stoppedByCustomer;
	}

	public boolean canStop() {
		return "running".equals(this.desiredState);
	}

	public boolean canRestart() {
		return "running".equals(this.desiredState)
				&& ("running".equals(this.observedState) || "degraded".equals(this.observedState));
	}

	public boolean openable() {
		return "running".equals(this.desiredState)
				&& ("running".equals(this.observedState) || "degraded".equals(this.observedState));
	}

	/**
	 * A short label of the state for people.
	 * @return the label
	 */
	public String stateLabel() {
		if ("deleted".equals(this.desiredState)) {
			return "deleted".equals(this.observedState) ? "Deleted" : "Deleting";
		}
		if (settling()) {
			return "running".equals(this.desiredState) ? "Setting up" : "Stopping";
		}
		return switch (this.observedState) {
			case "running" -> "down".equals(this.healthStatus) ? "Not responding" : "Running";
			case "degraded" -> "Degraded";
			case "suspended" -> this.stoppedByCustomer ? "Stopped" : "Suspended";
			case "error" -> "Needs attention";
			default -> this.observedState;
		};
	}

	/**
	 * The Bootstrap colour of the state.
	 * @return {@code success}, {@code info}, {@code warning}, {@code danger} or
	 * {@code secondary}
	 */
	public String stateTone() {
		String label = stateLabel();
		return switch (label) {
			case "Running" -> "success";
			case "Setting up", "Stopping", "Deleting" -> "info";
			case "Degraded", "Not responding" -> "warning";
			case "Needs attention" -> "danger";
			default -> "secondary";
		};
	}

	static InstanceView read(ResultSet rs, int row) throws SQLException {
		return new InstanceView(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("plan"),
				rs.getString("desired_state"), rs.getString("desired_reason"), rs.getString("observed_state"),
				rs.getLong("generation"), rs.getLong("observed_generation"), rs.getString("last_error"),
				rs.getString("url"), rs.getString("health_status"), rs.getBoolean("stopped_by_customer"),
				Timestamps.read(rs, "created_at"), Timestamps.read(rs, "observed_at"));
	}

}
