package com.mindroom.admin.instance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.mindroom.admin.access.AuditedActions;
import com.mindroom.admin.access.Caller;
import com.mindroom.admin.account.AccountActions;
import com.mindroom.common.audit.AuditEntry;
import com.mindroom.common.instance.InstanceCommands;
import com.mindroom.common.web.Problems;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The admin actions on an instance, through {@link InstanceCommands}: each changes rows
 * (a hold, a request time, the retry schedule) and the provisioner does the rest.
 * Deleting an instance schedules its account's deletion. Every action is audited.
 */
@Component
class InstanceActions {

	private final InstanceCommands commands;

	private final AccountActions accounts;

	private final AuditedActions actions;

	private final JdbcClient jdbc;

	InstanceActions(InstanceCommands commands, AccountActions accounts, AuditedActions actions, JdbcClient jdbc) {
		this.commands = commands;
		this.accounts = accounts;
		this.actions = actions;
		this.jdbc = jdbc;
	}

	void act(Caller caller, UUID instanceId, InstanceAction action, String reason) {
		AuditEntry entry = entry(caller, instanceId, "instance." + action.auditName(), reason);
		this.actions.run(entry, () -> {
			switch (action) {
				case RESTART -> this.commands.restart(instanceId, caller.label());
				case SUSPEND -> this.commands.suspendByAdmin(instanceId, caller.label());
				case RESUME -> this.commands.resumeByAdmin(instanceId, caller.label());
				case REPROVISION -> this.commands.reprovision(instanceId, caller.label());
				case RETRY -> retry(instanceId, caller);
			}
		});
	}

	/**
	 * Deletes an instance by scheduling its account's deletion (step-up required).
	 * @param caller the admin
	 * @param instanceId the instance
	 * @param reason why
	 * @param code a fresh second-factor code
	 * @param immediately whether it takes effect now rather than after the grace period
	 * @return when the deletion takes effect
	 */
	Instant delete(Caller caller, UUID instanceId, String reason, String code, boolean immediately) {
		return this.accounts.scheduleDeletion(caller, owner(instanceId), reason, code, immediately);
	}

	/**
	 * Makes every instance in {@code error} retry now.
	 * @param caller the admin
	 * @return how many instances will retry
	 */
	int retryAllFailed(Caller caller) {
		AuditEntry entry = caller.audit("instance.retry_all_failed").withTarget("instance", "*");
		return this.actions.run(entry, () -> {
			List<UUID> failed = this.jdbc.sql("select id from instances where observed_state = 'error' order by id")
				.query(UUID.class)
				.list();
			return (int) failed.stream().filter((id) -> this.commands.retryNow(id, caller.label())).count();
		}, (done, count) -> done.withDetail("instances", count));
	}

	private void retry(UUID instanceId, Caller caller) {
		if (!this.commands.retryNow(instanceId, caller.label())) {
			throw Problems.conflict("The instance is not in error, so there is nothing to retry.");
		}
	}

	private AuditEntry entry(Caller caller, UUID instanceId, String action, String reason) {
		String why = (reason != null && !reason.isBlank()) ? reason.trim() : null;
		if (why != null && why.length() > 500) {
			throw Problems.badRequest("Keep the reason under 500 characters.");
		}
		return caller.audit(action).withTarget("instance", instanceId).withAccount(owner(instanceId)).withReason(why);
	}

	private UUID owner(UUID instanceId) {
		return this.jdbc.sql("select account_id from instances where id = ?")
			.param(instanceId)
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> Problems.notFound("No such instance."));
	}

}
