package com.mindroom.admin.account;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import com.mindroom.admin.access.AdminSessions;
import com.mindroom.admin.access.AuditedActions;
import com.mindroom.admin.access.Caller;
import com.mindroom.admin.access.StepUp;
import com.mindroom.admin.totp.SecondFactor;
import com.mindroom.admin.web.Reasons;
import com.mindroom.common.audit.AuditEntry;
import com.mindroom.common.db.Timestamps;
import com.mindroom.common.lifecycle.DesiredStateSync;
import com.mindroom.common.lifecycle.LifecyclePolicy;
import com.mindroom.common.web.Problems;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The admin actions on an account. Each changes the account row and lets
 * {@link DesiredStateSync} decide what its instances should do; none touches the cluster.
 * Every action is audited with its reason; granting admin and deleting ask for a fresh
 * second-factor code.
 */
@Component
public class AccountActions {

	private final JdbcClient jdbc;

	private final DesiredStateSync desiredStates;

	private final AuditedActions actions;

	private final StepUp stepUp;

	private final SecondFactor secondFactor;

	private final ObjectProvider<AdminSessions> sessions;

	private final LifecyclePolicy policy;

	private final Clock clock;

	AccountActions(JdbcClient jdbc, DesiredStateSync desiredStates, AuditedActions actions, StepUp stepUp,
			SecondFactor secondFactor, ObjectProvider<AdminSessions> sessions, LifecyclePolicy policy, Clock clock) {
		this.jdbc = jdbc;
		this.desiredStates = desiredStates;
		this.actions = actions;
		this.stepUp = stepUp;
		this.secondFactor = secondFactor;
		this.sessions = sessions;
		this.policy = policy;
		this.clock = clock;
	}

	public void suspend(Caller caller, UUID accountId, String reason) {
		String why = Reasons.require(reason);
		this.actions.run(entry(caller, "account.suspend", accountId, why), () -> {
			refuseSelf(caller, accountId, "suspend");
			changeStatus(accountId, "active", "suspended", why,
					"The account is not active, so it cannot be suspended.");
			this.desiredStates.syncAccount(accountId, caller.label());
		});
		endSessions(accountId);
	}

	public void unsuspend(Caller caller, UUID accountId, String reason) {
		String why = Reasons.require(reason);
		this.actions.run(entry(caller, "account.unsuspend", accountId, why), () -> {
			changeStatus(accountId, "suspended", "active", null, "The account is not suspended.");
			this.desiredStates.syncAccount(accountId, caller.label());
		});
	}

	public void grantAdmin(Caller caller, UUID accountId, String reason, String code) {
		String why = Reasons.require(reason);
		this.stepUp.require(caller, code, "account.admin_granted");
		this.actions.run(entry(caller, "account.admin_granted", accountId, why), () -> {
			requireExists(accountId);
			int changed = this.jdbc
				.sql("update accounts set is_admin = true where id = ? and not is_admin and status = 'active'")
				.param(accountId)
				.update();
			if (changed == 0) {
				throw Problems.conflict("The account is already an admin, or it is not active.");
			}
		});
	}

	public void revokeAdmin(Caller caller, UUID accountId, String reason) {
		String why = Reasons.require(reason);
		this.actions.run(entry(caller, "account.admin_revoked", accountId, why), () -> {
			refuseSelf(caller, accountId, "revoke the admin rights of");
			requireExists(accountId);
			if (this.jdbc.sql("update accounts set is_admin = false where id = ? and is_admin")
				.param(accountId)
				.update() == 0) {
				throw Problems.conflict("The account is not an admin.");
			}
			this.secondFactor.reset(accountId);
		});
		endSessions(accountId);
	}

	/**
	 * Schedules the account's deletion: after the usual grace period (so it can still be
	 * cancelled), or at once. Its instances are then deleted by the provisioner.
	 * @param caller the admin
	 * @param accountId the account
	 * @param reason why
	 * @param code a fresh second-factor code
	 * @param immediately whether the deletion takes effect now rather than after the
	 * grace period
	 * @return when the deletion takes effect
	 */
	public Instant scheduleDeletion(Caller caller, UUID accountId, String reason, String code, boolean immediately) {
		String why = Reasons.require(reason);
		this.stepUp.require(caller, code, "account.deletion_scheduled");
		Instant now = this.clock.instant();
		Instant effective = immediately ? now : now.plus(this.policy.accountDeletionGrace());
		AuditEntry entry = entry(caller, "account.deletion_scheduled", accountId, why).withDetail("effectiveAt",
				effective.toString());
		this.actions.run(entry, () -> {
			refuseSelf(caller, accountId, "delete");
			requireExists(accountId);
			int changed = this.jdbc.sql("""
					update accounts set deletion_requested_at = coalesce(deletion_requested_at, ?),
					    deletion_scheduled_for = least(coalesce(deletion_scheduled_for, ?), ?)
					where id = ? and status <> 'deleted'
					""")
				.params(Timestamps.toDb(now), Timestamps.toDb(effective), Timestamps.toDb(effective), accountId)
				.update();
			if (changed == 0) {
				throw Problems.conflict("The account is already deleted.");
			}
			this.desiredStates.syncAccount(accountId, caller.label());
		});
		return effective;
	}

	public void cancelDeletion(Caller caller, UUID accountId, String reason) {
		String why = Reasons.require(reason);
		this.actions.run(entry(caller, "account.deletion_cancelled", accountId, why), () -> {
			requireExists(accountId);
			int changed = this.jdbc.sql("""
					update accounts set deletion_requested_at = null, deletion_scheduled_for = null
					where id = ? and status <> 'deleted' and deletion_scheduled_for > ?
					""").params(accountId, Timestamps.toDb(this.clock.instant())).update();
			if (changed == 0) {
				throw Problems.conflict("There is no pending deletion to cancel; it may already have taken effect.");
			}
			this.desiredStates.syncAccount(accountId, caller.label());
		});
	}

	private void changeStatus(UUID accountId, String from, String to, String why, String refusal) {
		requireExists(accountId);
		int changed = this.jdbc.sql("update accounts set status = ?, status_reason = ? where id = ? and status = ?")
			.params(to, why, accountId, from)
			.update();
		if (changed == 0) {
			throw Problems.conflict(refusal);
		}
	}

	private void requireExists(UUID accountId) {
		if (this.jdbc.sql("select count(*) from accounts where id = ?")
			.param(accountId)
			.query(Long.class)
			.single() == 0) {
			throw Problems.notFound("No such account.");
		}
	}

	private static void refuseSelf(Caller caller, UUID accountId, String what) {
		if (caller.accountId().equals(accountId)) {
			throw Problems.conflict("You cannot " + what + " your own account; ask another admin.");
		}
	}

	private void endSessions(UUID accountId) {
		this.sessions.ifAvailable((sessions) -> sessions.endAll(accountId));
	}

	private static AuditEntry entry(Caller caller, String action, UUID accountId, String reason) {
		return caller.audit(action).withTarget("account", accountId).withAccount(accountId).withReason(reason);
	}

}
