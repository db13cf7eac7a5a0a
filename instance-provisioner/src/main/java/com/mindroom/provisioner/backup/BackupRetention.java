package com.mindroom.provisioner.backup;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes backups whose retention (per plan) is over, and every backup of a deleted
 * instance, from the store, and marks them {@code expired}; whatever a failed backup left
 * in the store goes an hour after it failed (the row stays {@code failed}). The newest
 * successful backup of an instance that still exists is always kept, however old, so a
 * long-suspended instance can still be restored. A deletion that fails is retried on the
 * next run.
 */
public class BackupRetention {

	private static final Logger logger = LoggerFactory.getLogger(BackupRetention.class);

	private final JdbcClient jdbc;

	private final BackupStorage storage;

	public BackupRetention(JdbcClient jdbc, BackupStorage storage) {
		this.jdbc = jdbc;
		this.storage = storage;
	}

	/**
	 * Deletes what retention no longer keeps.
	 * @return how many backups' objects were deleted
	 */
	public int expire() {
		if (!this.storage.available()) {
			return 0;
		}
		List<Expired> expired = this.jdbc.sql("""
				select b.id, b.object_key from backups b join instances i on i.id = b.instance_id
				where b.expired_at is null and b.object_key is not null and (
				    (b.status = 'succeeded' and (i.observed_state = 'deleted' or (b.expires_at < now() and exists (
				        select 1 from backups newer where newer.instance_id = b.instance_id
				          and newer.status = 'succeeded' and newer.finished_at > b.finished_at))))
				    or (b.status = 'failed' and b.finished_at < now() - interval '1 hour'))
				order by b.finished_at limit 500
				""").query((rs, row) -> new Expired(rs.getObject("id", UUID.class), rs.getString("object_key"))).list();
		int deleted = 0;
		for (Expired backup : expired) {
			try {
				this.storage.store().delete(backup.key());
				this.storage.store().delete(BackupManifest.keyOf(backup.key()));
				deleted += this.jdbc.sql("""
						update backups set status = case when status = 'succeeded' then 'expired' else status end,
						    expired_at = now()
						where id = ? and expired_at is null
						""").param(backup.id()).update();
			}
			catch (IOException ex) {
				logger.warn("Could not delete expired backup {} (retried on the next run): {}", backup.id(),
						ex.getMessage());
			}
		}
		if (deleted > 0) {
			logger.info("Deleted {} backups whose retention is over", deleted);
		}
		return deleted;
	}

	private record Expired(UUID id, String key) {

	}

}
