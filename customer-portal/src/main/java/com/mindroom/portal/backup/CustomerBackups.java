package com.mindroom.portal.backup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.mindroom.common.audit.AuditEntry;
import com.mindroom.common.audit.AuditEntry.Outcome;
import com.mindroom.common.audit.AuditLog;
import com.mindroom.common.backup.RestoreRequests;
import com.mindroom.common.db.Timestamps;
import com.mindroom.common.db.TenantTransactions;
import com.mindroom.common.instance.InstanceActionRefusedException;
import com.mindroom.common.instance.InstanceActionRefusedException.Reason;
import com.mindroom.common.plan.PlanCatalog;
import com.mindroom.portal.instance.InstanceView;
import com.mindroom.portal.system.Caller;
import com.mindroom.common.backup.Sizes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The caller's instance's backups and the restore of one of them. Everything runs as the
 * caller (Row Level Security), so another account's backup is simply not found; only a
 * paid plan may restore, after the customer typed the instance's name. Every restore
 * asked for, or refused, is audited.
 */
@Component
class CustomerBackups {

	private final JdbcClient jdbc;

	private final TenantTransactions transactions;

	private final RestoreRequests requests;

	private final AuditLog audit;

	private final PlanCatalog plans;

	CustomerBackups(JdbcClient jdbc, TenantTransactions transactions, RestoreRequests requests, AuditLog audit,
			PlanCatalog plans) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.requests = requests;
		this.audit = audit;
		this.plans = plans;
	}

	List<Backup> of(UUID accountId, UUID instanceId) {
		return this.transactions.asAccount(accountId, () -> this.jdbc.sql("""
				select id, status, finished_at, size_bytes, expires_at from backups
				where instance_id = ? and account_id = ? and status in ('succeeded', 'failed', 'running')
				order by started_at desc limit 30
				""").params(instanceId, accountId).query(CustomerBackups::backup).list());
	}

	/**
	 * Whether the instance's plan lets the customer restore its backups (the paid ones).
	 * @param instance the instance
	 * @return whether restores are offered
	 */
	boolean restorable(InstanceView instance) {
		return this.plans.find(instance.plan()).map((plan) -> !plan.free()).orElse(false);
	}

	/**
	 * Asks for a restore of the instance from one of its backups.
	 * @param caller the customer
	 * @param instance the customer's instance
	 * @param backupId the chosen backup
	 * @param confirmation what the customer typed: the instance's name
	 */
	void restore(Caller caller, InstanceView instance, UUID backupId, String confirmation) {
		AuditEntry entry = AuditEntry.of(caller.actor(), "instance.restore")
			.withAccount(caller.accountId())
			.withTarget("instance", instance.id())
			.withDetail("backup", String.valueOf(backupId));
		try {
			this.transactions.asAccount(caller.accountId(), () -> {
				if (!restorable(instance)) {
					throw new InstanceActionRefusedException(Reason.NOT_ENTITLED,
							"Restoring a backup comes with the paid plans");
				}
				if (!instance.slug().equals(confirmation.trim())) {
					throw new InstanceActionRefusedException(Reason.INVALID_INPUT,
							"Type your instance's name, " + instance.slug() + ", to confirm the restore");
				}
				this.requests.request(instance.id(), backupId, caller.accountId(), caller.label());
				this.audit.record(entry);
			});
		}
		catch (InstanceActionRefusedException ex) {
			this.transactions.asAccount(caller.accountId(),
					() -> this.audit.record(entry.withOutcome(Outcome.DENIED).withReason(ex.getMessage())));
			throw ex;
		}
	}

	private static Backup backup(ResultSet rs, int row) throws SQLException {
		return new Backup(rs.getObject("id", UUID.class), rs.getString("status"), Timestamps.read(rs, "finished_at"),
				rs.getObject("size_bytes", Long.class), Timestamps.read(rs, "expires_at"));
	}

	/**
	 * A backup as the customer sees it.
	 *
	 * @param id its id
	 * @param status {@code running}, {@code succeeded} or {@code failed}
	 * @param finishedAt when it ended
	 * @param sizeBytes its size
	 * @param expiresAt when it is deleted
	 */
	record Backup(UUID id, String status, Instant finishedAt, Long sizeBytes, Instant expiresAt) {

		public boolean restorable() {
			return "succeeded".equals(this.status);
		}

		public String size() {
			return (this.sizeBytes != null) ? Sizes.bytes(this.sizeBytes) : "";
		}

	}

}
