package com.mindroom.provisioner.backup;

import java.util.function.Supplier;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;

/**
 * How an agent Job is doing.
 *
 * @param phase running, succeeded, failed, or missing (deleted, or never created)
 * @param message why it failed, in the agent's words when its pod said so
 */
public record JobState(Phase phase, String message) {

	static JobState of(Job job, Supplier<String> terminationMessage) {
		if (job == null) {
			return new JobState(Phase.MISSING, null);
		}
		if (job.getStatus() != null && job.getStatus().getSucceeded() != null && job.getStatus().getSucceeded() > 0) {
			return new JobState(Phase.SUCCEEDED, null);
		}
		JobCondition failed = (job.getStatus() != null && job.getStatus().getConditions() != null) ? job.getStatus()
			.getConditions()
			.stream()
			.filter((condition) -> "Failed".equals(condition.getType()) && "True".equals(condition.getStatus()))
			.findFirst()
			.orElse(null) : null;
		if (failed == null) {
			return new JobState(Phase.RUNNING, null);
		}
		String message = terminationMessage.get();
		return new JobState(Phase.FAILED, (message != null) ? message.strip()
				: "the Job failed (" + failed.getReason() + ": " + failed.getMessage() + ")");
	}

	/**
	 * Where a Job is.
	 */
	public enum Phase {

		RUNNING, SUCCEEDED, FAILED, MISSING

	}

}
