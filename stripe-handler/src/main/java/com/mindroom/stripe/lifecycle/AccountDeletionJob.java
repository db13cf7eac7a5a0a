package com.mindroom.stripe.lifecycle;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.common.audit.Actor;
import com.mindroom.common.audit.AuditEntry;
import com.mindroom.common.audit.AuditLog;
import com.mindroom.common.db.Timestamps;
import com.mindroom.common.lifecycle.DesiredStateSync;
import com.mindroom.stripe.api.StripeApi;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries out account deletions whose grace period is over (GDPR erasure): cancels the
 * account's Stripe subscriptions, ends them here, erases the personal data (the row
 * stays, pseudonymous, for the invoices the law requires us to keep), signs the account
 * out everywhere and lets the lifecycle delete its instances. One account per
 * transaction; a Stripe failure rolls that account back for the next run.
 */
@Component
public class AccountDeletionJob {

	private static final Logger logger = LoggerFactory.getLogger(AccountDeletionJob.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final StripeApi stripe;

	private final DesiredStateSync desiredStates;

	private final AuditLog audit;

	private final Clock clock;

	AccountDeletionJob(JdbcClient jdbc, TransactionTemplate transactions, StripeApi stripe,
			DesiredStateSync desiredStates, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.stripe = stripe;
		this.desiredStates = desiredStates;
		this.audit = audit;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${mindroom.stripe-handler.lifecycle.interval:1m}", initialDelayString = "20s")
	@SchedulerLock(name = "stripe-handler.account-deletion", lockAtMostFor = "PT10M")
	void scheduled() {
		runDue();
	}

	/**
	 * Deletes every account whose deletion is due.
	 * @return how many accounts were deleted
	 */
	public int runDue() {
		int deleted = 0;
		for (UUID account : dueAccounts()) {
			try {
				Boolean done = this.transactions.execute((status) -> delete(account));
				deleted += Boolean.TRUE.equals(done) ? 1 : 0;
			}
			catch (RuntimeException ex) {
				logger.warn("Could not delete account {} yet; will retry: {}", account, ex.getMessage());
			}
		}
		return deleted;
	}

	private List<UUID> dueAccounts() {
		return this.jdbc
			.sql("select id from accounts where status <> 'deleted' and deletion_scheduled_for <= ? "
					+ "order by deletion_scheduled_for limit 100")
			.param(Timestamps.toDb(this.clock.instant()))
			.query(UUID.class)
			.list();
	}

	private boolean delete(UUID account) {
		boolean due = this.jdbc.sql("""
				select 1 from accounts where id = ? and status <> 'deleted' and deletion_scheduled_for <= ?
				for update skip locked
				""").params(account, Timestamps.toDb(this.clock.instant())).query().optionalValue().isPresent();
		if (!due) {
			return false;
		}
		List<String> subscriptions = this.jdbc.sql("""
				select stripe_subscription_id from subscriptions
				where account_id = ? and stripe_subscription_id is not null
				    and status not in ('canceled', 'incomplete_expired')
				""").param(account).query(String.class).list();
		for (String subscription : subscriptions) {
			cancelAtStripe(account, subscription);
		}
		this.jdbc.sql("""
				update subscriptions set status = 'canceled', canceled_at = coalesce(canceled_at, ?),
				    ended_at = coalesce(ended_at, ?), cancel_at_period_end = false
				where account_id = ? and status not in ('canceled', 'incomplete_expired')
				""")
			.params(Timestamps.toDb(this.clock.instant()), Timestamps.toDb(this.clock.instant()), account)
			.update();
		erase(account);
		this.desiredStates.syncAccount(account, "system:account-deletion");
		this.audit.record(AuditEntry.of(Actor.system(), "account.deleted")
			.withTarget("account", account)
			.withAccount(account)
			.withReason("Deletion requested by the account; grace period over")
			.withDetail("stripeSubscriptionsCanceled", subscriptions.size()));
		logger.info("Deleted account {} ({} Stripe subscription(s) canceled)", account, subscriptions.size());
		return true;
	}

	private void cancelAtStripe(UUID account, String subscription) {
		if (!this.stripe.enabled()) {
			logger.warn("No Stripe API configured: subscription {} of deleted account {} is ended here only",
					subscription, account);
			return;
		}
		if (!this.stripe.cancelSubscription(subscription)) {
			logger.info("Stripe no longer knows subscription {} of account {}", subscription, account);
		}
	}

	private void erase(UUID account) {
		this.jdbc
			.sql("""
					update accounts set status = 'deleted', deleted_at = ?, status_reason = 'Deleted at the customer''s request',
					    email = 'deleted-' || id || '@deleted.invalid', name = '', password_hash = null, email_verified_at = null,
					    is_admin = false, admin_totp_secret_enc = null, admin_totp_enrolled_at = null,
					    consent_marketing = false, consent_product_updates = false
					where id = ?
					""")
			.params(Timestamps.toDb(this.clock.instant()), account)
			.update();
		this.jdbc.sql("delete from account_tokens where account_id = ?").param(account).update();
		this.jdbc.sql("delete from admin_recovery_codes where account_id = ?").param(account).update();
		this.jdbc.sql("delete from notification_outbox where account_id = ?").param(account).update();
		this.jdbc
			.sql("update contact_requests set email = 'erased@deleted.invalid', company = '', message = '' "
					+ "where account_id = ?")
			.param(account)
			.update();
		this.jdbc.sql("delete from spring_session where principal_name = ?").param(account.toString()).update();
		this.jdbc.sql("delete from admin_spring_session where principal_name = ?").param(account.toString()).update();
	}

}
