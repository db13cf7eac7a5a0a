package com.mindroom.portal.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import com.mindroom.common.audit.AuditEntry;
import com.mindroom.common.audit.AuditLog;
import com.mindroom.common.db.TenantTransactions;
import com.mindroom.common.db.Timestamps;
import com.mindroom.common.lifecycle.DesiredStateSync;
import com.mindroom.common.lifecycle.LifecyclePolicy;
import com.mindroom.common.notification.Notification;
import com.mindroom.common.notification.Notifications;
import com.mindroom.common.web.Problems;
import com.mindroom.portal.system.Caller;
import com.mindroom.portal.system.PortalProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Account deletion with a grace period: scheduling it records when it takes effect (the
 * lifecycle then wants the instances deleted at that time, and the back office finishes
 * the account), emails the customer and can be cancelled until then.
 */
@Component
public class AccountDeletion {

	private final JdbcClient jdbc;

	private final TenantTransactions transactions;

	private final DesiredStateSync desiredStates;

	private final Notifications notifications;

	private final AuditLog audit;

	private final LifecyclePolicy policy;

	private final Clock clock;

	private final PortalProperties properties;

	AccountDeletion(JdbcClient jdbc, TenantTransactions transactions, DesiredStateSync desiredStates,
			Notifications notifications, AuditLog audit, LifecyclePolicy policy, Clock clock,
			PortalProperties properties) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.desiredStates = desiredStates;
		this.notifications = notifications;
		this.audit = audit;
		this.policy = policy;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * Schedules the caller's account for deletion; scheduling again keeps the first
	 * schedule.
	 * @param caller the customer
	 * @return the schedule
	 */
	public Schedule schedule(Caller caller) {
		Instant now = this.clock.instant();
		Instant due = now.plus(this.policy.accountDeletionGrace());
		return this.transactions.asAccount(caller.accountId(), () -> {
			int updated = this.jdbc.sql("""
					update accounts set deletion_requested_at = ?, deletion_scheduled_for = ?
					where id = ? and deletion_requested_at is null
					""").params(Timestamps.toDb(now), Timestamps.toDb(due), caller.accountId()).update();
			if (updated > 0) {
				this.desiredStates.syncAccount(caller.accountId(), caller.label());
				this.notifications.enqueue(new Notification(caller.accountId(), caller.email(), "deletion_scheduled",
						"Your MindRoom account is scheduled for deletion",
						Map.of("scheduled_for", due.toString(), "link", this.properties.url("/app/settings")),
						"deletion_scheduled:" + caller.accountId() + ":" + now.getEpochSecond()));
				record(caller, "account.deletion_scheduled");
			}
			return current(caller);
		});
	}

	/**
	 * Cancels a scheduled deletion that has not taken effect yet.
	 * @param caller the customer
	 */
	public void cancel(Caller caller) {
		this.transactions.asAccount(caller.accountId(), () -> {
			int updated = this.jdbc.sql("""
					update accounts set deletion_requested_at = null, deletion_scheduled_for = null
					where id = ? and deletion_scheduled_for > ?
					""").params(caller.accountId(), Timestamps.toDb(this.clock.instant())).update();
			if (updated == 0) {
				throw Problems.conflict("No account deletion is scheduled.");
			}
			this.desiredStates.syncAccount(caller.accountId(), caller.label());
			this.notifications.enqueue(new Notification(caller.accountId(), caller.email(), "deletion_cancelled",
					"Your MindRoom account will not be deleted", Map.of("link", this.properties.url("/app")), null));
			record(caller, "account.deletion_cancelled");
		});
	}

	private Schedule current(Caller caller) {
		return this.jdbc.sql("select deletion_requested_at, deletion_scheduled_for from accounts where id = ?")
			.param(caller.accountId())
			.query((rs, row) -> new Schedule(Timestamps.read(rs, "deletion_requested_at"),
					Timestamps.read(rs, "deletion_scheduled_for")))
			.single();
	}

	private void record(Caller caller, String action) {
		this.audit.record(AuditEntry.of(caller.actor(), action)
			.withAccount(caller.accountId())
			.withTarget("account", caller.accountId()));
	}

	/**
	 * A scheduled deletion.
	 *
	 * @param requestedAt when it was requested
	 * @param scheduledFor when it takes effect
	 */
	public record Schedule(Instant requestedAt, Instant scheduledFor) {

	}

}
