package com.mindroom.admin.account;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.mindroom.admin.audit.AuditLine;

/**
 * What the account pages and the JSON API show about accounts.
 */
public final class AccountViews {

	private AccountViews() {
	}

	/**
	 * An account in a list.
	 *
	 * @param id the account id
	 * @param email its email
	 * @param name its name
	 * @param status {@code active}, {@code suspended} or {@code deleted}
	 * @param admin whether it is an admin
	 * @param plans its subscriptions as {@code plan:status}
	 * @param slugs its instances' slugs
	 * @param deletionScheduledFor when a requested deletion takes effect, if any
	 * @param createdAt when it signed up
	 */
	public record AccountRow(UUID id, String email, String name, String status, boolean admin, String plans,
			String slugs, OffsetDateTime deletionScheduledFor, OffsetDateTime createdAt) {

	}

	/**
	 * Everything about one account.
	 *
	 * @param account the account itself
	 * @param subscriptions its subscriptions
	 * @param instances its instances
	 * @param events the newest events of its instances
	 * @param invoices its newest invoices
	 * @param usage its usage per day, the last 30 days
	 * @param audit the newest audit entries about it
	 */
	public record AccountDetail(Account account, List<Subscription> subscriptions, List<Instance> instances,
			List<InstanceEvent> events, List<Invoice> invoices, List<Usage> usage, List<AuditLine> audit) {

	}

	/**
	 * An account's own facts.
	 *
	 * @param id the id
	 * @param email the email
	 * @param name the name
	 * @param status the status
	 * @param statusReason why it has that status, if given
	 * @param admin whether it is an admin
	 * @param secondFactorEnrolledAt when the admin enrolled a second factor
	 * @param emailVerifiedAt when the email was confirmed
	 * @param stripeCustomerId its Stripe customer
	 * @param deletionRequestedAt when deletion was requested
	 * @param deletionScheduledFor when deletion takes effect
	 * @param deletedAt when it was deleted
	 * @param createdAt when it signed up
	 */
	public record Account(UUID id, String email, String name, String status, String statusReason, boolean admin,
			OffsetDateTime secondFactorEnrolledAt, OffsetDateTime emailVerifiedAt, String stripeCustomerId,
			OffsetDateTime deletionRequestedAt, OffsetDateTime deletionScheduledFor, OffsetDateTime deletedAt,
			OffsetDateTime createdAt) {

	}

	/**
	 * A subscription.
	 *
	 * @param id the id
	 * @param stripeSubscriptionId Stripe's id, if any
	 * @param status the Stripe status
	 * @param plan the plan
	 * @param interval {@code month} or {@code year}
	 * @param unitAmount the price in minor units
	 * @param currency the currency
	 * @param quantity the quantity
	 * @param trialEnd when the trial ends
	 * @param currentPeriodEnd when the period ends
	 * @param cancelAtPeriodEnd whether it cancels at period end
	 * @param canceledAt when it was canceled
	 */
	public record Subscription(UUID id, String stripeSubscriptionId, String status, String plan, String interval,
			Long unitAmount, String currency, int quantity, OffsetDateTime trialEnd, OffsetDateTime currentPeriodEnd,
			boolean cancelAtPeriodEnd, OffsetDateTime canceledAt) {

	}

	/**
	 * An instance in brief.
	 *
	 * @param id the id
	 * @param slug the slug
	 * @param plan the plan
	 * @param desiredState what it should be doing
	 * @param desiredReason why
	 * @param observedState what it is doing
	 * @param lastError the last error
	 */
	public record Instance(UUID id, String slug, String plan, String desiredState, String desiredReason,
			String observedState, String lastError) {

	}

	/**
	 * An instance event.
	 *
	 * @param instanceId the instance
	 * @param occurredAt when
	 * @param kind the kind
	 * @param fromState the state before
	 * @param toState the state after
	 * @param message what happened
	 * @param actor who or what caused it
	 */
	public record InstanceEvent(UUID instanceId, OffsetDateTime occurredAt, String kind, String fromState,
			String toState, String message, String actor) {

	}

	/**
	 * An invoice.
	 *
	 * @param number its number
	 * @param status its status
	 * @param amountDue the amount due in minor units
	 * @param amountPaid the amount paid
	 * @param currency the currency
	 * @param createdAt when Stripe created it
	 * @param url its hosted page
	 */
	public record Invoice(String number, String status, long amountDue, long amountPaid, String currency,
			OffsetDateTime createdAt, String url) {

	}

	/**
	 * Usage on one day, over the account's instances.
	 *
	 * @param day the day
	 * @param messages messages sent
	 * @param activeAgents the most active agents of an instance
	 * @param storageBytes storage used
	 */
	public record Usage(LocalDate day, long messages, int activeAgents, long storageBytes) {

	}

}
