package com.mindroom.admin.backup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.mindroom.common.web.Problems;
import com.mindroom.common.backup.Sizes;
import com.mindroom.common.job.BackupJobs;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An instance's newest backups and restores, as the "Backups" section of its page shows
 * them (the section reads them from this bean, so the page's controller need not know).
 */
@Component("instanceBackups")
public class InstanceBackups {

	private static final int SHOWN = 20;

	private final JdbcClient jdbc;

	InstanceBackups(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The instance the backup actions work on.
	 * @param instanceId the instance
	 * @return its account, name and whether it has data to back up
	 * @throws org.springframework.web.ErrorResponseException 404 when there is no such
	 * instance
	 */
	Target target(UUID instanceId) {
		return this.jdbc
			.sql("select account_id, slug, (%s) as has_data from instances where id = ?".formatted(BackupJobs.HAS_DATA))
			.param(instanceId)
			.query((rs, row) -> new Target(rs.getObject("account_id", UUID.class), rs.getString("slug"),
					rs.getBoolean("has_data")))
			.optional()
			.orElseThrow(() -> Problems.notFound("No such instance."));
	}

	/**
	 * The instance's newest backups, newest first.
	 * @param instanceId the instance
	 * @return at most 20 backups
	 */
	public List<Backup> of(UUID instanceId) {
		return this.jdbc.sql("""
				select id, kind, status, started_at, finished_at, size_bytes, error, expires_at, expired_at
				from backups where instance_id = ? order by started_at desc limit ?
				""").params(instanceId, SHOWN).query(InstanceBackups::backup).list();
	}

	/**
	 * The instance's newest restores and restore drills, newest first.
	 * @param instanceId the instance
	 * @return at most 5
	 */
	public List<Restore> restoresOf(UUID instanceId) {
		return this.jdbc.sql("""
				select r.kind, r.status, r.phase, r.created_at, r.finished_at, r.error, r.actor,
				    b.finished_at as backup_time
				from restores r join backups b on b.id = r.backup_id
				where r.instance_id = ? order by r.created_at desc limit 5
				""").param(instanceId).query(InstanceBackups::restore).list();
	}

	private static Backup backup(ResultSet rs, int row) throws SQLException {
		return new Backup(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("status"),
				rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class),
				rs.getObject("size_bytes", Long.class), rs.getString("error"),
				rs.getObject("expires_at", OffsetDateTime.class), rs.getObject("expired_at", OffsetDateTime.class));
	}

	private static Restore restore(ResultSet rs, int row) throws SQLException {
		return new Restore(rs.getString("kind"), rs.getString("status"), rs.getString("phase"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class),
				rs.getString("error"), rs.getString("actor"), rs.getObject("backup_time", OffsetDateTime.class));
	}

	/**
	 * A backup.
	 *
	 * @param id its id
	 * @param kind {@code scheduled} or {@code manual}
	 * @param status {@code running}, {@code succeeded}, {@code failed} or {@code expired}
	 * @param startedAt when it started
	 * @param finishedAt when it ended
	 * @param sizeBytes its size as stored
	 * @param error why it failed
	 * @param expiresAt when retention deletes it
	 * @param expiredAt when retention deleted it
	 */
	public record Backup(UUID id, String kind, String status, OffsetDateTime startedAt, OffsetDateTime finishedAt,
			Long sizeBytes, String error, OffsetDateTime expiresAt, OffsetDateTime expiredAt) {

		public boolean restorable() {
			return "succeeded".equals(this.status) && this.expiredAt == null;
		}

		/**
		 * Its size as people read it.
		 * @return for example {@code 12.3 MB}, or empty while there is none
		 */
		public String size() {
			return (this.sizeBytes != null) ? Sizes.bytes(this.sizeBytes) : "";
		}

	}

	/**
	 * A restore or restore drill.
	 *
	 * @param kind {@code restore} or {@code drill}
	 * @param status {@code pending}, {@code running}, {@code succeeded} or {@code failed}
	 * @param phase where it is
	 * @param createdAt when it was asked for
	 * @param finishedAt when it ended
	 * @param error why it failed
	 * @param actor who asked
	 * @param backupTime when its backup was taken
	 */
	public record Restore(String kind, String status, String phase, OffsetDateTime createdAt, OffsetDateTime finishedAt,
			String error, String actor, OffsetDateTime backupTime) {

	}

	/**
	 * An instance the backup actions work on.
	 *
	 * @param accountId the account that owns it
	 * @param slug its name
	 * @param hasData whether it has data to back up (provisioned, not deleted)
	 */
	record Target(UUID accountId, String slug, boolean hasData) {

	}

}
