package com.mindroom.portal.account;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import com.mindroom.common.audit.AuditEntry;
import com.mindroom.common.audit.AuditLog;
import com.mindroom.common.db.TenantTransactions;
import com.mindroom.common.identity.AccountDirectory;
import com.mindroom.common.identity.EmailAddresses;
import com.mindroom.common.identity.EmailChange;
import com.mindroom.common.identity.IdentityException;
import com.mindroom.common.identity.IdentityException.Kind;
import com.mindroom.common.identity.IdentityProvider;
import com.mindroom.common.identity.Session;
import com.mindroom.common.job.JobQueue;
import com.mindroom.common.job.StripeJobs;
import com.mindroom.common.notification.Notification;
import com.mindroom.common.notification.Notifications;
import com.mindroom.portal.auth.SignIns;
import com.mindroom.portal.system.Caller;
import com.mindroom.portal.system.PortalProperties;

import org.springframework.stereotype.Component;

/**
 * Changes a customer's email address the way people expect: the new address and the
 * current password are asked for, a confirmation link goes to the new address (through
 * the identity provider) and a notice to the old one, and the address changes only when
 * the link is used; then the Stripe customer follows, through a job the stripe-handler
 * runs (and retries). Both steps are audited, without tokens.
 */
@Component
public class EmailChanges {

	private final IdentityProvider identity;

	private final SignIns signIns;

	private final AccountDirectory directory;

	private final Notifications notifications;

	private final AuditLog audit;

	private final TenantTransactions transactions;

	private final Accounts accounts;

	private final JobQueue jobs;

	private final PortalProperties properties;

	EmailChanges(IdentityProvider identity, SignIns signIns, AccountDirectory directory, Notifications notifications,
			AuditLog audit, TenantTransactions transactions, Accounts accounts, JobQueue jobs,
			PortalProperties properties) {
		this.identity = identity;
		this.signIns = signIns;
		this.directory = directory;
		this.notifications = notifications;
		this.audit = audit;
		this.transactions = transactions;
		this.accounts = accounts;
		this.jobs = jobs;
		this.properties = properties;
	}

	/**
	 * Asks to change the caller's email; nothing changes until the link is used.
	 * @param caller the customer
	 * @param newEmail the new address
	 * @param currentPassword the current password
	 * @param request the request
	 * @return the new address, as it will be kept
	 * @throws IdentityException for an invalid, unchanged or taken address or a wrong
	 * password
	 */
	public String request(Caller caller, String newEmail, String currentPassword, HttpServletRequest request) {
		String address = EmailAddresses.normalize(newEmail);
		if (address.equalsIgnoreCase(caller.email())) {
			throw new IdentityException(Kind.INVALID_INPUT, "This is already your email address.");
		}
		Session verified = this.signIns.confirmPassword(caller.email(), currentPassword, request);
		if (this.directory.findByEmail(address).isPresent()) {
			throw new IdentityException(Kind.INVALID_INPUT, "This email address is already in use.");
		}
		this.identity.requestEmailChange(verified, address, this.properties.url("/auth/email-change"));
		this.transactions.asAccount(caller.accountId(), () -> {
			this.notifications.enqueue(new Notification(caller.accountId(), caller.email(), "email_change_requested",
					"Your MindRoom email address is about to change", Map.of("new_email", address), null));
			this.audit
				.record(entry(caller, "account.email_change_requested", request).withDetail("new_email", address));
		});
		return address;
	}

	/**
	 * Completes a change with the token from the link (no sign-in needed: the token is
	 * the proof); in the transaction that audits it, queues the update of the Stripe
	 * customer's email (one job per account: a repeat while it waits joins it, and the
	 * job sends the address the account has when it runs).
	 * @param token the token from the link
	 * @param request the request
	 * @return the change, or empty when the provider waits for the other address's link
	 * @throws IdentityException for an unknown, used or expired link
	 */
	public Optional<EmailChange> confirm(String token, HttpServletRequest request) {
		Optional<EmailChange> change = this.identity.confirmEmailChange(token);
		change.ifPresent((done) -> {
			Caller caller = new Caller(done.accountId(), done.newEmail());
			this.transactions.asAccount(done.accountId(),
					() -> this.audit.record(entry(caller, "account.email_changed", request)
						.withDetail("previous_email", done.previousEmail())
						.withDetail("new_email", done.newEmail())
						.withDetail("stripe_customer_update", queueStripeCustomerUpdate(done.accountId()))));
		});
		return change;
	}

	private String queueStripeCustomerUpdate(UUID accountId) {
		if (this.accounts.require(accountId).stripeCustomerId() == null) {
			return "no_stripe_customer";
		}
		this.jobs.submit(StripeJobs.CUSTOMER_EMAIL, Map.of("account_id", accountId.toString()),
				StripeJobs.customerEmailKey(accountId), accountId);
		return "queued";
	}

	private static AuditEntry entry(Caller caller, String action, HttpServletRequest request) {
		return AuditEntry.of(caller.actor(), action)
			.withAccount(caller.accountId())
			.withTarget("account", caller.accountId())
			.withClient(request.getRemoteAddr(), request.getHeader("User-Agent"));
	}

}
