package com.mindroom.provisioner.restore;

import io.fabric8.kubernetes.client.KubernetesClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.common.db.Timestamps;
import com.mindroom.common.lifecycle.DesiredStateSync;
import com.mindroom.provisioner.backup.AgentJobs;
import com.mindroom.provisioner.backup.ChecksumMismatchException;
import com.mindroom.provisioner.reconcile.InstanceEvents;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records how a restore or drill ended, lifts a restore's hold on its instance, and
 * clears away its Job (and a drill's scratch namespace). A checksum mismatch is recorded
 * as such ({@code checksum_verified = false}).
 */
public class RestoreOutcomes {

	private static final Logger logger = LoggerFactory.getLogger(RestoreOutcomes.class);

	private final JdbcClient jdbc;

	private final DesiredStateSync desiredStates;

	private final AgentJobs jobs;

	private final KubernetesClient client;

	private final InstanceEvents events;

	public RestoreOutcomes(JdbcClient jdbc, DesiredStateSync desiredStates, AgentJobs jobs, KubernetesClient client,
			InstanceEvents events) {
		this.jdbc = jdbc;
		this.desiredStates = desiredStates;
		this.jobs = jobs;
		this.client = client;
		this.events = events;
	}

	void succeed(ActiveRestore restore) {
		this.jdbc.sql("""
				update restores set status = 'succeeded', phase = 'done', finished_at = now(), checksum_verified = true,
				    error = null
				where id = ? and status = 'running'
				""").param(restore.id()).update();
		cleanUp(restore);
		if (!restore.drill()) {
			this.events.restore(restore.instance().id(), "Restore finished: MindRoom has the data of the backup of "
					+ Timestamps.readable(restore.backupTime()));
		}
		logger.info("{} {} of instance {} succeeded", restore.drill() ? "Restore drill" : "Restore", restore.id(),
				restore.instance().id());
	}

	void fail(ActiveRestore restore, String reason) {
		String why = (reason != null) ? reason : "unknown error";
		boolean mismatch = why.contains(ChecksumMismatchException.PREFIX);
		this.jdbc.sql("""
				update restores set status = 'failed', phase = 'done', finished_at = now(), error = ?,
				    checksum_verified = case when ? then false else checksum_verified end
				where id = ? and status in ('pending', 'running')
				""").params(why, mismatch, restore.id()).update();
		cleanUp(restore);
		if (!restore.drill()) {
			liftHold(restore);
			this.events.restore(restore.instance().id(),
					"Restore failed: " + why + ". MindRoom keeps the data it had and starts again");
		}
		logger.warn("{} {} of instance {} failed: {}", restore.drill() ? "Restore drill" : "Restore", restore.id(),
				restore.instance().id(), why);
	}

	void liftHold(ActiveRestore restore) {
		int lifted = this.jdbc.sql("update instances set restore_id = null where id = ? and restore_id = ?")
			.params(restore.instance().id(), restore.id())
			.update();
		if (lifted > 0) {
			this.desiredStates.syncInstance(restore.instance().id(), "restore");
		}
	}

	private void cleanUp(ActiveRestore restore) {
		if (restore.jobName() != null && restore.namespace() != null) {
			if (restore.drill()) {
				this.client.namespaces().withName(restore.namespace()).delete();
			}
			else {
				this.jobs.remove(restore.namespace(), restore.jobName());
			}
		}
	}

}
