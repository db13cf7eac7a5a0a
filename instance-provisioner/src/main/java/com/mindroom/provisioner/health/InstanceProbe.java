package com.mindroom.provisioner.health;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Reads what only the instance itself knows: its HTTP health and its usage.
 */
public interface InstanceProbe {

	/**
	 * Asks the instance's health endpoint.
	 * @param instance the instance
	 * @return its answer, or empty when the endpoint cannot be reached from here (the
	 * ready replicas then decide alone)
	 */
	Optional<HttpHealth> health(MonitoredInstance instance);

	/**
	 * Reads one day's usage.
	 * @param instance the instance
	 * @param day the day (UTC)
	 * @return the usage
	 * @throws RuntimeException when the usage cannot be read (collected on a later run)
	 */
	Usage usage(MonitoredInstance instance, LocalDate day);

	/**
	 * The answer of an instance's health endpoint.
	 *
	 * @param up whether it reported healthy
	 * @param reason why not, when it did not
	 */
	record HttpHealth(boolean up, String reason) {

	}

	/**
	 * One day's usage of an instance.
	 *
	 * @param messages the messages sent
	 * @param activeAgents the agents that were active
	 * @param storageBytes the storage used
	 */
	record Usage(long messages, int activeAgents, long storageBytes) {

	}

}
