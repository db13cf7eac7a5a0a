package com.mindroom.portal.instance;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.mindroom.common.audit.AuditEntry;
import com.mindroom.common.audit.AuditEntry.Outcome;
import com.mindroom.common.audit.AuditLog;
import com.mindroom.common.db.TenantTransactions;
import com.mindroom.common.instance.InstanceActionRefusedException;
import com.mindroom.common.instance.InstanceActionRefusedException.Reason;
import com.mindroom.common.instance.InstanceCommands;
import com.mindroom.portal.system.Caller;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The caller's instances: reading them and acting on them. Every query runs as the caller
 * (Row Level Security) and also names the caller's account, so another account's instance
 * id is simply not found. Starting and restarting need an entitled subscription; stopping
 * is always allowed.
 */
@Component
public class CustomerInstances {

	private final JdbcClient jdbc;

	private final TenantTransactions transactions;

	private final InstanceCommands commands;

	private final AuditLog audit;

	CustomerInstances(JdbcClient jdbc, TenantTransactions transactions, InstanceCommands commands, AuditLog audit) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.commands = commands;
		this.audit = audit;
	}

	/**
	 * The instance the dashboard shows: that of the live, paid, newest subscription
	 * first; never one already gone.
	 * @param accountId the caller
	 * @return the instance, if the caller has one
	 */
	public Optional<InstanceView> current(UUID accountId) {
		return this.transactions.asAccount(accountId, () -> this.jdbc.sql("select " + InstanceView.COLUMNS + """
				from instances i join subscriptions s on s.id = i.subscription_id
				where i.account_id = ? and not (i.desired_state = 'deleted' and i.observed_state = 'deleted')
				order by i.desired_state <> 'deleted' desc,
				    s.status in ('active', 'trialing', 'past_due', 'unpaid', 'paused') desc,
				    s.stripe_subscription_id is not null desc, i.created_at desc
				limit 1
				""").param(accountId).query(InstanceView::read).optional());
	}

	public Optional<InstanceView> find(UUID accountId, UUID instanceId) {
		return this.transactions.asAccount(accountId,
				() -> this.jdbc
					.sql("select " + InstanceView.COLUMNS + " from instances i where i.id = ? and i.account_id = ?")
					.params(instanceId, accountId)
					.query(InstanceView::read)
					.optional());
	}

	public List<InstanceEvent> events(UUID accountId, UUID instanceId, int limit) {
		return this.transactions.asAccount(accountId, () -> this.jdbc.sql("""
				select id, occurred_at, kind, to_state, message from instance_events
				where instance_id = ? and account_id = ? order by id desc limit ?
				""").params(instanceId, accountId, limit).query(InstanceEvent::read).list());
	}

	public void start(Caller caller, UUID instanceId) {
		act(caller, instanceId, "instance.start", () -> this.commands.start(instanceId, caller.label()));
	}

	public void stop(Caller caller, UUID instanceId) {
		act(caller, instanceId, "instance.stop", () -> this.commands.stop(instanceId, caller.label()));
	}

	public void restart(Caller caller, UUID instanceId) {
		act(caller, instanceId, "instance.restart", () -> this.commands.restart(instanceId, caller.label()));
	}

	private void act(Caller caller, UUID instanceId, String action, Runnable command) {
		AuditEntry entry = AuditEntry.of(caller.actor(), action)
			.withAccount(caller.accountId())
			.withTarget("instance", instanceId);
		try {
			this.transactions.asAccount(caller.accountId(), () -> {
				if (find(caller.accountId(), instanceId).isEmpty()) {
					throw new InstanceActionRefusedException(Reason.NOT_FOUND, "No such instance");
				}
				command.run();
				this.audit.record(entry);
			});
		}
		catch (InstanceActionRefusedException ex) {
			if (ex.reason() != Reason.NOT_FOUND) {
				this.transactions.asAccount(caller.accountId(),
						() -> this.audit.record(entry.withOutcome(Outcome.DENIED).withReason(ex.getMessage())));
			}
			throw ex;
		}
	}

}
