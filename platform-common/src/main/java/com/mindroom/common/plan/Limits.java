package com.mindroom.common.plan;

/**
 * What a plan allows; a {@code null} limit means unlimited.
 *
 * @param agents the number of agents
 * @param messagesPerDay the messages per day
 * @param storageGb the storage in gigabytes
 */
public record Limits(Integer agents, Integer messagesPerDay, Integer storageGb) {

	public boolean unlimitedAgents() {
		return this.agents == null;
	}

	public boolean unlimitedMessages() {
		return this.messagesPerDay == null;
	}

	public boolean unlimitedStorage() {
		return this.storageGb == null;
	}

}
