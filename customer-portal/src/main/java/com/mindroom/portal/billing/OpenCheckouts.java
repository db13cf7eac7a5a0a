package com.mindroom.portal.billing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.param.checkout.SessionListParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.common.db.TenantTransactions;
import com.mindroom.common.web.Problems;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The Checkout Sessions a Stripe customer already has, looked at before a new one is
 * created (while the account's row is locked): a still-open session for the same price is
 * handed out again, an open one for another price is expired, and a completed one whose
 * subscription the webhook has not recorded yet refuses a new checkout. So two browser
 * tabs can never pay for two subscriptions.
 */
@Component
class OpenCheckouts {

	static final String PRICE = "price";

	private static final Logger logger = LoggerFactory.getLogger(OpenCheckouts.class);

	private static final Duration REUSABLE = Duration.ofMinutes(30);

	private static final Duration ACTIVATING = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final TenantTransactions transactions;

	private final Clock clock;

	OpenCheckouts(JdbcClient jdbc, TenantTransactions transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Settles the customer's earlier Checkout Sessions before a new one.
	 * @param client the Stripe client
	 * @param accountId the account
	 * @param customer its Stripe customer
	 * @param priceId the price about to be sold
	 * @return the URL of an open session for the same price, to hand out again
	 * @throws StripeException when Stripe refuses or cannot be reached
	 */
	Optional<String> settle(StripeClient client, UUID accountId, String customer, String priceId)
			throws StripeException {
		Instant now = this.clock.instant();
		String reusable = null;
		for (Session session : client.v1()
			.checkout()
			.sessions()
			.list(SessionListParams.builder().setCustomer(customer).setLimit(20L).build())
			.getData()) {
			Instant created = Instant.ofEpochSecond((session.getCreated() != null) ? session.getCreated() : 0);
			if ("complete".equals(session.getStatus()) && created.isAfter(now.minus(ACTIVATING))
					&& !recorded(accountId, session.getSubscription())) {
				throw Problems.conflict("Your last checkout is complete and your subscription is activating; "
						+ "change your plan through Manage billing once it is active.");
			}
			if (!"open".equals(session.getStatus())) {
				continue;
			}
			if (reusable == null && priceId.equals(priceOf(session)) && created.isAfter(now.minus(REUSABLE))) {
				reusable = session.getUrl();
			}
			else {
				client.v1().checkout().sessions().expire(session.getId());
				logger.info("Expired checkout session {} of account {} for a newer one", session.getId(), accountId);
			}
		}
		return Optional.ofNullable(reusable);
	}

	private static String priceOf(Session session) {
		return (session.getMetadata() != null) ? session.getMetadata().get(PRICE) : null;
	}

	private boolean recorded(UUID accountId, String subscriptionId) {
		return subscriptionId != null && this.transactions.asAccount(accountId, () -> this.jdbc
			.sql("select exists (select 1 from subscriptions where account_id = ? and stripe_subscription_id = ?)")
			.params(accountId, subscriptionId)
			.query(Boolean.class)
			.single());
	}

}
