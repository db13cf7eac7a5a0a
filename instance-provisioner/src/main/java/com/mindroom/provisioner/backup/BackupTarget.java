package com.mindroom.provisioner.backup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * An instance whose data is backed up or restored.
 *
 * @param id the instance
 * @param accountId its account
 * @param slug its slug
 * @param plan its plan
 * @param namespace its namespace
 */
public record BackupTarget(UUID id, UUID accountId, String slug, String plan, String namespace) {

	/** The columns {@link #read} needs, from {@code instances i}. */
	public static final String COLUMNS = "i.id, i.account_id, i.slug, i.plan, i.namespace";

	public static BackupTarget read(ResultSet rs, int row) throws SQLException {
		return new BackupTarget(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
				rs.getString("slug"), rs.getString("plan"), rs.getString("namespace"));
	}

}
