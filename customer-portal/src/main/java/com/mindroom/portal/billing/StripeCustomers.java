package com.mindroom.portal.billing;

import java.util.UUID;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.param.CustomerUpdateParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.portal.account.Account;
import com.mindroom.portal.account.Accounts;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Keeps the account's Stripe customer in step with the account (its email, so receipts
 * and Stripe's own emails reach the right address).
 */
@Component
public class StripeCustomers {

	private static final Logger logger = LoggerFactory.getLogger(StripeCustomers.class);

	private final ObjectProvider<StripeClient> stripe;

	private final Accounts accounts;

	StripeCustomers(ObjectProvider<StripeClient> stripe, Accounts accounts) {
		this.stripe = stripe;
		this.accounts = accounts;
	}

	/**
	 * Sets the Stripe customer's email, when the account has a Stripe customer.
	 * @param accountId the account
	 * @param email the new email
	 * @return whether a Stripe customer was updated; {@code false} without one, without
	 * Stripe keys, or when Stripe refused (logged; the account's own change stands)
	 */
	public boolean updateEmail(UUID accountId, String email) {
		Account account = this.accounts.require(accountId);
		StripeClient client = this.stripe.getIfAvailable();
		if (account.stripeCustomerId() == null || client == null) {
			return false;
		}
		try {
			client.v1()
				.customers()
				.update(account.stripeCustomerId(), CustomerUpdateParams.builder().setEmail(email).build());
			logger.info("Updated the email of Stripe customer {} (account {})", account.stripeCustomerId(), accountId);
			return true;
		}
		catch (StripeException ex) {
			logger.warn("Could not update the email of Stripe customer {} (account {}): {} {}",
					account.stripeCustomerId(), accountId, ex.getStatusCode(), ex.getCode());
			return false;
		}
	}

}
