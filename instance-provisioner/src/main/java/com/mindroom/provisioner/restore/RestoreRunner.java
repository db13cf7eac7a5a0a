package com.mindroom.provisioner.restore;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.common.db.Timestamps;
import com.mindroom.common.lifecycle.DesiredStateSync;
import com.mindroom.provisioner.backup.AgentJob;
import com.mindroom.provisioner.backup.AgentJobs;
import com.mindroom.provisioner.backup.BackupProperties;
import com.mindroom.provisioner.backup.JobState;
import com.mindroom.provisioner.reconcile.FailureReasons;
import com.mindroom.provisioner.secret.TenantSecrets;
import com.mindroom.common.backup.Sizes;
import com.mindroom.provisioner.reconcile.InstanceEvents;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Carries restores through the lifecycle, one step per look: a requested restore holds
 * the instance suspended (a hold the lifecycle honours, so the provisioner scales it to
 * zero as for any suspension); once it is stopped, an agent Job restores the backup into
 * its volumes (staged, checked against the recorded SHA-256, then swapped in); then the
 * hold is lifted and the instance resumes with the restored data. Each step is in the
 * instance's history. A failure or an overrun lifts the hold, so the instance resumes
 * with the data it had. Drills are followed here too (see {@link RestoreDrill}).
 */
public class RestoreRunner {

	private static final Logger logger = LoggerFactory.getLogger(RestoreRunner.class);

	private final JdbcClient jdbc;

	private final DesiredStateSync desiredStates;

	private final AgentJobs jobs;

	private final TenantSecrets secrets;

	private final InstanceEvents events;

	private final RestoreOutcomes outcomes;

	private final BackupProperties properties;

	public RestoreRunner(JdbcClient jdbc, DesiredStateSync desiredStates, AgentJobs jobs, TenantSecrets secrets,
			InstanceEvents events, RestoreOutcomes outcomes, BackupProperties properties) {
		this.jdbc = jdbc;
		this.desiredStates = desiredStates;
		this.jobs = jobs;
		this.secrets = secrets;
		this.events = events;
		this.outcomes = outcomes;
		this.properties = properties;
	}

	/**
	 * Moves every restore and drill in progress one step on.
	 * @return how many are still in progress
	 */
	public int advanceAll() {
		List<ActiveRestore> active = this.jdbc.sql(ActiveRestore.QUERY).query(ActiveRestore::read).list();
		for (ActiveRestore restore : active) {
			try {
				advance(restore);
			}
			catch (RuntimeException ex) {
				logger.warn("Restore {} could not advance (tried again shortly): {}", restore.id(),
						FailureReasons.describe(ex));
			}
		}
		return active.size();
	}

	private void advance(ActiveRestore restore) {
		if (restore.overdue()) {
			this.outcomes.fail(restore,
					"it did not finish within its " + Sizes.duration(this.properties.restoreWindow()) + " window");
		}
		else if (restore.drill()) {
			followJob(restore);
		}
		else if (restore.instanceDeleted()) {
			this.outcomes.fail(restore, "the instance is being deleted");
		}
		else {
			switch (restore.phase()) {
				case "queued" -> hold(restore);
				case "suspending" -> startJob(restore);
				case "restoring" -> followJob(restore);
				default -> finishWhenResumed(restore);
			}
		}
	}

	private void hold(ActiveRestore restore) {
		this.jdbc.sql("update instances set restore_id = ? where id = ? and restore_id is null")
			.params(restore.id(), restore.instance().id())
			.update();
		this.desiredStates.syncInstance(restore.instance().id(), "restore");
		this.jdbc.sql("""
				update restores set status = 'running', phase = 'suspending', started_at = now(),
				    deadline_at = now() + make_interval(secs => ?)
				where id = ?
				""").params(this.properties.restoreWindow().toSeconds(), restore.id()).update();
		this.events.restore(restore.instance().id(), "Restore started: stopping MindRoom to replace its data");
	}

	private void startJob(ActiveRestore restore) {
		if (!restore.instanceSuspended()) {
			return;
		}
		String name = "restore-" + restore.id().toString().substring(0, 8);
		String passphrase = this.secrets.backupPassphrase(restore.instance().id());
		List<AgentJob.Volume> volumes = AgentJob.dataVolumes(false);
		this.jdbc.sql("update restores set phase = 'restoring', job_name = ?, namespace = ? where id = ?")
			.params(name, restore.instance().namespace(), restore.id())
			.update();
		// the instance is stopped: no pod to sit beside, its volumes attach wherever the
		// Job runs
		try {
			this.jobs.launch(new AgentJob(restore.instance().namespace(), name, true, restore.instance().id(), null,
					restore.key(), restore.sha256(), volumes, passphrase, this.properties.restoreWindow()));
		}
		catch (RuntimeException ex) {
			this.outcomes.fail(restore, "the restore Job could not be started: " + FailureReasons.describe(ex));
			return;
		}
		this.events.restore(restore.instance().id(),
				"Restoring the data of the backup of " + Timestamps.readable(restore.backupTime()));
	}

	private void followJob(ActiveRestore restore) {
		JobState state = this.jobs.state(restore.namespace(), restore.jobName());
		switch (state.phase()) {
			case SUCCEEDED -> restored(restore);
			case FAILED -> this.outcomes.fail(restore, state.message());
			case MISSING -> {
				if (restore.settledIn()) {
					this.outcomes.fail(restore, "its Job disappeared before it finished");
				}
			}
			default -> {
			}
		}
	}

	private void restored(ActiveRestore restore) {
		if (restore.drill()) {
			this.outcomes.succeed(restore);
			return;
		}
		this.jobs.remove(restore.namespace(), restore.jobName());
		this.jdbc.sql("update restores set phase = 'resuming' where id = ?").param(restore.id()).update();
		this.outcomes.liftHold(restore);
		this.events.restore(restore.instance().id(), "Data restored and verified; starting MindRoom again");
	}

	private void finishWhenResumed(ActiveRestore restore) {
		if (restore.instanceSettled()) {
			this.outcomes.succeed(restore);
		}
	}

}
