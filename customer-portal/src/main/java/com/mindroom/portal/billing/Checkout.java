package com.mindroom.portal.billing;

import java.util.Optional;
import java.util.UUID;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.common.db.TenantTransactions;
import com.mindroom.common.plan.BillingInterval;
import com.mindroom.common.plan.Plan;
import com.mindroom.common.plan.PlanCatalog;
import com.mindroom.common.plan.PlanPrice;
import com.mindroom.common.web.Problems;
import com.mindroom.portal.account.Account;
import com.mindroom.portal.account.Accounts;
import com.mindroom.portal.system.Caller;
import com.mindroom.portal.system.PortalProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stripe Checkout and the Stripe customer portal, server-side. Checkout sells a plan's
 * price as a subscription to the account's Stripe customer (created once, with an
 * idempotency key); the subscription itself is recorded only from Stripe's webhook.
 * Customers with a live subscription change plan in the customer portal, never by buying
 * a second subscription; checkouts of one account run one at a time (a row lock) and
 * reuse or expire its earlier open sessions ({@link OpenCheckouts}).
 */
@Component
public class Checkout {

	private static final Logger logger = LoggerFactory.getLogger(Checkout.class);

	private final ObjectProvider<StripeClient> stripe;

	private final PlanCatalog plans;

	private final Accounts accounts;

	private final Subscriptions subscriptions;

	private final JdbcClient jdbc;

	private final TenantTransactions transactions;

	private final PortalProperties properties;

	private final OpenCheckouts openCheckouts;

	Checkout(ObjectProvider<StripeClient> stripe, PlanCatalog plans, Accounts accounts, Subscriptions subscriptions,
			JdbcClient jdbc, TenantTransactions transactions, PortalProperties properties,
			OpenCheckouts openCheckouts) {
		this.stripe = stripe;
		this.plans = plans;
		this.accounts = accounts;
		this.subscriptions = subscriptions;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.openCheckouts = openCheckouts;
	}

	/**
	 * Checks that a paid plan can be bought at an interval and finds its price.
	 * @param planId the plan
	 * @param interval {@code monthly} or {@code yearly} (or {@code month}, {@code year})
	 * @return the price to sell
	 */
	public PlanPrice priceFor(String planId, String interval) {
		Plan plan = this.plans.require(planId);
		if (!plan.selfServe()) {
			throw Problems.of(org.springframework.http.HttpStatus.BAD_REQUEST, "sales-assisted-plan", "The "
					+ plan.name() + " plan is arranged with our sales team; send us a message from the billing page.");
		}
		BillingInterval parsed;
		try {
			parsed = BillingInterval.parse((interval == null || interval.isBlank()) ? "monthly" : interval);
		}
		catch (IllegalArgumentException ex) {
			throw Problems.badRequest("interval must be monthly or yearly");
		}
		return plan.price(parsed)
			.filter((price) -> price.stripePriceId() != null)
			.orElseThrow(() -> Problems
				.badRequest("The " + plan.name() + " plan has no " + parsed.stripeValue() + "ly price to buy."));
	}

	/**
	 * Creates a Checkout Session for a paid plan.
	 * @param caller the customer
	 * @param price the price (from {@link #priceFor})
	 * @return the URL of Stripe's hosted checkout page
	 * @throws StripeException when Stripe refuses or cannot be reached
	 */
	public String start(Caller caller, PlanPrice price) throws StripeException {
		StripeClient client = client();
		try {
			return this.transactions.asAccount(caller.accountId(), () -> {
				lockAccount(caller.accountId());
				try {
					return startLocked(client, caller, price);
				}
				catch (StripeException ex) {
					throw new StripeFailure(ex);
				}
			});
		}
		catch (StripeFailure failure) {
			throw failure.stripe;
		}
	}

	/**
	 * Serialises checkouts of one account (two browser tabs, two replicas): the row lock
	 * lasts until the session is created, so the second waits and then sees the first.
	 */
	private void lockAccount(UUID accountId) {
		this.jdbc.sql("select id from accounts where id = ? for update").param(accountId).query(UUID.class).single();
	}

	private String startLocked(StripeClient client, Caller caller, PlanPrice price) throws StripeException {
		if (this.subscriptions.livePaid(caller.accountId()).isPresent()) {
			throw Problems.conflict("You already have a subscription. Change your plan through Manage billing "
					+ "(on the billing page, or POST /api/v1/billing-portal) instead of buying a second one.");
		}
		String customer = customerOf(client, caller.accountId());
		Optional<String> open = this.openCheckouts.settle(client, caller.accountId(), customer, price.stripePriceId());
		if (open.isPresent()) {
			logger.info("Reusing the open checkout session of account {} on price {}", caller.accountId(),
					price.stripePriceId());
			return open.get();
		}
		String planId = this.plans.findByStripePrice(price.stripePriceId()).orElseThrow().plan().id();
		SessionCreateParams params = SessionCreateParams.builder()
			.setMode(SessionCreateParams.Mode.SUBSCRIPTION)
			.setCustomer(customer)
			.setClientReferenceId(caller.accountId().toString())
			.addLineItem(SessionCreateParams.LineItem.builder().setPrice(price.stripePriceId()).setQuantity(1L).build())
			.setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
				.putMetadata("account_id", caller.accountId().toString())
				.putMetadata("plan", planId)
				.build())
			.putMetadata("account_id", caller.accountId().toString())
			.putMetadata(OpenCheckouts.PRICE, price.stripePriceId())
			.setSuccessUrl(this.properties.url("/app/checkout/success?session_id={CHECKOUT_SESSION_ID}"))
			.setCancelUrl(this.properties.url("/app/billing"))
			.build();
		com.stripe.model.checkout.Session session = client.v1().checkout().sessions().create(params);
		logger.info("Checkout session {} for account {} on price {}", session.getId(), caller.accountId(),
				price.stripePriceId());
		return session.getUrl();
	}

	/**
	 * Creates a Stripe customer portal session to manage payment methods, invoices and
	 * plan changes.
	 * @param caller the customer
	 * @return the portal's URL
	 * @throws StripeException when Stripe refuses or cannot be reached
	 */
	public String billingPortal(Caller caller) throws StripeException {
		StripeClient client = client();
		Account account = this.accounts.require(caller.accountId());
		if (account.stripeCustomerId() == null) {
			throw Problems.conflict("There is no billing account yet: choose a paid plan first.");
		}
		com.stripe.param.billingportal.SessionCreateParams params = com.stripe.param.billingportal.SessionCreateParams
			.builder()
			.setCustomer(account.stripeCustomerId())
			.setReturnUrl(this.properties.url("/app/billing"))
			.build();
		return client.v1().billingPortal().sessions().create(params).getUrl();
	}

	private StripeClient client() {
		StripeClient client = this.stripe.getIfAvailable();
		if (client == null) {
			throw new PaymentsUnavailableException();
		}
		return client;
	}

	private String customerOf(StripeClient client, UUID accountId) throws StripeException {
		Account account = this.accounts.require(accountId);
		if (account.stripeCustomerId() != null) {
			return account.stripeCustomerId();
		}
		CustomerCreateParams params = CustomerCreateParams.builder()
			.setEmail(account.email())
			.setName(account.name().isBlank() ? null : account.name())
			.putMetadata("account_id", accountId.toString())
			.build();
		String created = client.v1()
			.customers()
			.create(params, RequestOptions.builder().setIdempotencyKey("mindroom-customer-" + accountId).build())
			.getId();
		this.transactions.asAccount(accountId, () -> {
			this.jdbc.sql("update accounts set stripe_customer_id = ? where id = ? and stripe_customer_id is null")
				.params(created, accountId)
				.update();
		});
		logger.info("Created Stripe customer {} for account {}", created, accountId);
		return this.accounts.require(accountId).stripeCustomerId();
	}

	/**
	 * Carries a Stripe failure out of the locking transaction (which it rolls back).
	 */
	private static final class StripeFailure extends RuntimeException {

		private final transient StripeException stripe;

		StripeFailure(StripeException stripe) {
			super(stripe);
			this.stripe = stripe;
		}

	}

}
