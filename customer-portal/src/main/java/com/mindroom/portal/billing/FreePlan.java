package com.mindroom.portal.billing;

import java.util.Optional;
import java.util.UUID;

import com.mindroom.common.audit.AuditEntry;
import com.mindroom.common.audit.AuditLog;
import com.mindroom.common.db.TenantTransactions;
import com.mindroom.common.instance.Instances;
import com.mindroom.common.web.Problems;
import com.mindroom.portal.system.Caller;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Starts the Free plan: the platform grants its subscription (no Stripe object; the
 * database lets a customer grant themselves exactly this) and creates its instance, which
 * the lifecycle then wants running. Starting it twice returns the same instance.
 */
@Component
public class FreePlan {

	private final JdbcClient jdbc;

	private final TenantTransactions transactions;

	private final Instances instances;

	private final AuditLog audit;

	FreePlan(JdbcClient jdbc, TenantTransactions transactions, Instances instances, AuditLog audit) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.instances = instances;
		this.audit = audit;
	}

	/**
	 * Starts the Free plan for the caller, unless a paid subscription still bills.
	 * @param caller the customer
	 * @return the Free plan's instance
	 */
	public UUID start(Caller caller) {
		UUID accountId = caller.accountId();
		return this.transactions.asAccount(accountId, () -> {
			// one at a time per account, so two clicks never make two subscriptions
			this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
				.param(accountId.toString())
				.query()
				.singleValue();
			if (hasLivePaidSubscription(accountId)) {
				throw Problems.conflict("You already have a paid subscription; its instance is yours to use.");
			}
			UUID subscriptionId = freeSubscription(accountId).orElseGet(() -> grant(caller));
			return this.instances.ensureFor(subscriptionId, caller.label());
		});
	}

	private boolean hasLivePaidSubscription(UUID accountId) {
		return this.jdbc.sql("""
				select exists (select 1 from subscriptions where account_id = ? and stripe_subscription_id is not null
				    and status in ('active', 'trialing', 'past_due', 'unpaid', 'paused'))
				""").param(accountId).query(Boolean.class).single();
	}

	private Optional<UUID> freeSubscription(UUID accountId) {
		return this.jdbc.sql("""
				select id from subscriptions
				where account_id = ? and plan = 'free' and stripe_subscription_id is null and status = 'active'
				order by created_at desc limit 1
				""").param(accountId).query(UUID.class).optional();
	}

	private UUID grant(Caller caller) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("insert into subscriptions (id, account_id, status, plan) values (?, ?, 'active', 'free')")
			.params(id, caller.accountId())
			.update();
		this.audit.record(AuditEntry.of(caller.actor(), "subscription.free_started")
			.withAccount(caller.accountId())
			.withTarget("subscription", id));
		return id;
	}

}
