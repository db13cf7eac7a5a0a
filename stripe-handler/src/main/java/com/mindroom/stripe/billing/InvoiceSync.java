package com.mindroom.stripe.billing;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import com.stripe.model.Invoice;

import com.mindroom.common.db.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Mirrors Stripe invoices into {@code invoices} (what the portal's billing page lists),
 * keeping the newest state when events arrive out of order.
 */
@Component
class InvoiceSync {

	private final JdbcClient jdbc;

	private final AccountLinks accounts;

	InvoiceSync(JdbcClient jdbc, AccountLinks accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	/**
	 * Stores an invoice unless a newer state of it is stored.
	 * @param invoice the invoice
	 * @param stateAt the Stripe time of this state
	 * @return whom the invoice concerns
	 * @throws CannotApplyException when its account is unknown
	 */
	Owner apply(Invoice invoice, Instant stateAt) {
		String stripeSubscriptionId = subscriptionOf(invoice);
		Optional<Owner> bySubscription = (stripeSubscriptionId != null)
				? this.jdbc.sql("select account_id, id from subscriptions where stripe_subscription_id = ?")
					.param(stripeSubscriptionId)
					.query((rs, row) -> new Owner(rs.getObject("account_id", UUID.class),
							rs.getObject("id", UUID.class), stripeSubscriptionId))
					.optional()
				: Optional.empty();
		Owner owner = bySubscription.orElseGet(() -> new Owner(
				this.accounts.findByCustomer(invoice.getCustomer())
					.orElseThrow(() -> CannotApplyException.unknownCustomer(invoice.getCustomer())),
				null, stripeSubscriptionId));
		upsert(invoice, owner, stateAt);
		return owner;
	}

	static String subscriptionOf(Invoice invoice) {
		Invoice.Parent parent = invoice.getParent();
		return (parent != null && parent.getSubscriptionDetails() != null)
				? parent.getSubscriptionDetails().getSubscription() : null;
	}

	private void upsert(Invoice invoice, Owner owner, Instant stateAt) {
		Long paidAt = (invoice.getStatusTransitions() != null) ? invoice.getStatusTransitions().getPaidAt() : null;
		this.jdbc.sql("""
				insert into invoices (stripe_invoice_id, account_id, subscription_id, number, status, amount_due,
				    amount_paid, amount_remaining, currency, billing_reason, hosted_invoice_url, invoice_pdf_url,
				    period_start, period_end, attempt_count, next_payment_attempt, paid_at, stripe_created_at,
				    stripe_state_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (stripe_invoice_id) do update set subscription_id = excluded.subscription_id,
				    number = excluded.number, status = excluded.status, amount_due = excluded.amount_due,
				    amount_paid = excluded.amount_paid, amount_remaining = excluded.amount_remaining,
				    currency = excluded.currency, billing_reason = excluded.billing_reason,
				    hosted_invoice_url = excluded.hosted_invoice_url, invoice_pdf_url = excluded.invoice_pdf_url,
				    period_start = excluded.period_start, period_end = excluded.period_end,
				    attempt_count = excluded.attempt_count, next_payment_attempt = excluded.next_payment_attempt,
				    paid_at = excluded.paid_at, stripe_state_at = excluded.stripe_state_at
				where invoices.stripe_state_at is null or invoices.stripe_state_at <= excluded.stripe_state_at
				""")
			.params(Arrays.asList(invoice.getId(), owner.accountId(), owner.subscriptionId(), invoice.getNumber(),
					invoice.getStatus(), orZero(invoice.getAmountDue()), orZero(invoice.getAmountPaid()),
					orZero(invoice.getAmountRemaining()), invoice.getCurrency(), invoice.getBillingReason(),
					invoice.getHostedInvoiceUrl(), invoice.getInvoicePdf(), at(invoice.getPeriodStart()),
					at(invoice.getPeriodEnd()), orZero(invoice.getAttemptCount()), at(invoice.getNextPaymentAttempt()),
					at(paidAt), at(invoice.getCreated()), Timestamps.toDb(stateAt)))
			.update();
	}

	private static long orZero(Long value) {
		return (value != null) ? value : 0;
	}

	private static Object at(Long epochSeconds) {
		return Timestamps.toDb(SubscriptionState.instant(epochSeconds));
	}

	/**
	 * Whom an invoice concerns.
	 *
	 * @param accountId the account
	 * @param subscriptionId the stored subscription, if it is known yet
	 * @param stripeSubscriptionId the Stripe subscription it bills, if any
	 */
	record Owner(UUID accountId, UUID subscriptionId, String stripeSubscriptionId) {

	}

}
