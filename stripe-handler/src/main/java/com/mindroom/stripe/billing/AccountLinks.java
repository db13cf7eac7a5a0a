package com.mindroom.stripe.billing;

import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Which account a Stripe customer belongs to: the link stored in
 * {@code accounts.stripe_customer_id}, made by a completed checkout
 * ({@code client_reference_id}) or by {@code metadata.account_id} on a subscription or
 * customer, which the portal sets.
 */
@Component
class AccountLinks {

	private static final Logger logger = LoggerFactory.getLogger(AccountLinks.class);

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	AccountLinks(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * Finds the account of a customer, linking it first when the object names its account
	 * in its metadata.
	 * @param customerId the Stripe customer id
	 * @param accountHint the {@code metadata.account_id}, if any
	 * @return the account id
	 * @throws CannotApplyException when no account can be found
	 */
	UUID resolve(String customerId, String accountHint) {
		if (StringUtils.hasText(accountHint)) {
			UUID accountId = requireAccount(accountHint, "metadata.account_id");
			linkIfUnlinked(accountId, customerId);
			return accountId;
		}
		return findByCustomer(customerId).orElseThrow(() -> CannotApplyException.unknownCustomer(customerId));
	}

	Optional<UUID> findByCustomer(String customerId) {
		if (customerId == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("select id from accounts where stripe_customer_id = ?")
			.param(customerId)
			.query(UUID.class)
			.optional();
	}

	/**
	 * Reads an account id the platform handed to Stripe and checks the account exists.
	 * @param value the id as Stripe returned it
	 * @param source where it came from (for the error)
	 * @return the account id
	 */
	UUID requireAccount(String value, String source) {
		UUID id;
		try {
			id = UUID.fromString(value.trim());
		}
		catch (IllegalArgumentException ex) {
			throw CannotApplyException.unknownAccount(source, value);
		}
		boolean exists = this.jdbc.sql("select exists (select 1 from accounts where id = ?)")
			.param(id)
			.query(Boolean.class)
			.single();
		if (!exists) {
			throw CannotApplyException.unknownAccount(source, value);
		}
		return id;
	}

	/**
	 * Links a customer to an account (a completed checkout: the newest customer wins).
	 * @param accountId the account
	 * @param customerId the Stripe customer id
	 */
	void link(UUID accountId, String customerId) {
		Optional<UUID> holder = findByCustomer(customerId);
		if (holder.isPresent() && !holder.get().equals(accountId)) {
			throw new CannotApplyException(
					"Stripe customer " + customerId + " is already linked to account " + holder.get());
		}
		int changed = this.jdbc
			.sql("update accounts set stripe_customer_id = ? where id = ? and stripe_customer_id is distinct from ?")
			.params(customerId, accountId, customerId)
			.update();
		if (changed > 0) {
			logger.info("Linked Stripe customer {} to account {}", customerId, accountId);
		}
		this.events.publishEvent(new CustomerLinked(accountId, customerId));
	}

	void linkIfUnlinked(UUID accountId, String customerId) {
		if (customerId == null || findByCustomer(customerId).isPresent()) {
			return;
		}
		int changed = this.jdbc
			.sql("update accounts set stripe_customer_id = ? where id = ? and stripe_customer_id is null")
			.params(customerId, accountId)
			.update();
		if (changed > 0) {
			logger.info("Linked Stripe customer {} to account {} from its metadata", customerId, accountId);
			this.events.publishEvent(new CustomerLinked(accountId, customerId));
		}
	}

	/**
	 * Removes the link of a deleted customer.
	 * @param customerId the Stripe customer id
	 * @return the account it was linked to, if any
	 */
	Optional<UUID> unlink(String customerId) {
		Optional<UUID> accountId = this.jdbc
			.sql("update accounts set stripe_customer_id = null where stripe_customer_id = ? returning id")
			.param(customerId)
			.query(UUID.class)
			.optional();
		accountId.ifPresent((id) -> logger.info("Unlinked deleted Stripe customer {} from account {}", customerId, id));
		return accountId;
	}

	String email(UUID accountId) {
		return this.jdbc.sql("select email from accounts where id = ?").param(accountId).query(String.class).single();
	}

}
