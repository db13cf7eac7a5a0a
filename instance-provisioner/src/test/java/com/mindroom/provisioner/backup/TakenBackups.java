package com.mindroom.provisioner.backup;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;

/**
 * Test helpers around the {@code backups} table: taking a backup of a provisioned
 * instance on the simulated cluster and reading its row.
 */
public final class TakenBackups {

	private final JdbcClient jdbc;

	private final BackupRuns runs;

	public TakenBackups(JdbcClient jdbc, BackupRuns runs) {
		this.jdbc = jdbc;
		this.runs = runs;
	}

	public BackupTarget target(UUID instanceId) {
		return this.jdbc.sql("select " + BackupTarget.COLUMNS + " from mindroom.instances i where i.id = ?")
			.param(instanceId)
			.query(BackupTarget::read)
			.single();
	}

	/**
	 * Starts a manual backup and waits until its outcome is recorded.
	 * @param instanceId a provisioned instance
	 * @return the backup's row
	 */
	public Map<String, Object> take(UUID instanceId) {
		UUID backup = this.runs.start(target(instanceId), null, null);
		return awaitEnded(backup);
	}

	/**
	 * Looks at the running backups (as the schedule does) until this one has ended.
	 * @param backupId the backup
	 * @return its row
	 */
	public Map<String, Object> awaitEnded(UUID backupId) {
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
			this.runs.checkRunning();
			return !"running".equals(row(backupId).get("status"));
		});
		return row(backupId);
	}

	public Map<String, Object> row(UUID backupId) {
		return this.jdbc.sql("select * from mindroom.backups where id = ?").param(backupId).query().singleRow();
	}

}
