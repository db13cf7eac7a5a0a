package com.mindroom.portal.billing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.mindroom.common.db.TenantTransactions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the caller's subscriptions and invoices (as the caller, under Row Level
 * Security). The current subscription is a live one first, a paid one before the Free
 * plan, the newest first.
 */
@Component
public class Subscriptions {

	private final JdbcClient jdbc;

	private final TenantTransactions transactions;

	Subscriptions(JdbcClient jdbc, TenantTransactions transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	public Optional<SubscriptionView> current(UUID accountId) {
		return this.transactions.asAccount(accountId, () -> this.jdbc.sql("select " + SubscriptionView.COLUMNS + """
				from subscriptions where account_id = ?
				order by status in ('active', 'trialing', 'past_due', 'unpaid', 'paused') desc,
				    stripe_subscription_id is not null desc, created_at desc
				limit 1
				""").param(accountId).query(SubscriptionView::read).optional());
	}

	/**
	 * The caller's Stripe subscription that still bills, if any.
	 * @param accountId the caller
	 * @return the live paid subscription
	 */
	public Optional<SubscriptionView> livePaid(UUID accountId) {
		return current(accountId).filter((subscription) -> subscription.paid() && subscription.live());
	}

	public List<InvoiceView> invoices(UUID accountId, int limit, int offset) {
		return this.transactions.asAccount(accountId, () -> this.jdbc.sql("""
				select number, status, amount_due, amount_paid, currency, hosted_invoice_url, invoice_pdf_url,
				       period_start, period_end, stripe_created_at
				from invoices where account_id = ? and status <> 'draft'
				order by stripe_created_at desc limit ? offset ?
				""").params(accountId, limit, offset).query(InvoiceView::read).list());
	}

}
