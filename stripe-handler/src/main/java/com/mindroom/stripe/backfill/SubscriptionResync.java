package com.mindroom.stripe.backfill;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.stripe.model.StripeCollection;
import com.stripe.model.Subscription;
import com.stripe.param.SubscriptionListParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.stripe.api.StripeApi;
import com.mindroom.stripe.billing.SubscriptionSync;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Repairs every subscription that drifted from Stripe: lists all subscriptions
 * ({@code status=all}, page by page) and applies each as the current state, one
 * transaction per subscription; stored subscriptions Stripe did not list are fetched one
 * by one. Errors (an unknown price or account) are counted and reported, and the rest
 * goes on.
 */
@Component
public class SubscriptionResync {

	private static final Logger logger = LoggerFactory.getLogger(SubscriptionResync.class);

	private static final int REPORTED_ERRORS = 10;

	private final StripeApi api;

	private final SubscriptionSync sync;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	SubscriptionResync(StripeApi api, SubscriptionSync sync, JdbcClient jdbc,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.api = api;
		this.sync = sync;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * Runs one resync.
	 * @return what it did (for the job result)
	 */
	public Map<String, Object> run() {
		Tally tally = new Tally();
		Set<String> seen = new HashSet<>();
		String after = null;
		boolean more = true;
		while (more) {
			SubscriptionListParams.Builder params = SubscriptionListParams.builder()
				.setStatus(SubscriptionListParams.Status.ALL);
			Instant fetchedAt = this.clock.instant();
			StripeCollection<Subscription> page = this.api
				.subscriptions((after != null) ? params.setStartingAfter(after) : params);
			tally.pages++;
			for (Subscription subscription : page.getData()) {
				seen.add(subscription.getId());
				repair(subscription, fetchedAt, tally);
				after = subscription.getId();
			}
			more = Boolean.TRUE.equals(page.getHasMore()) && !page.getData().isEmpty();
		}
		for (String stripeId : unseen(seen)) {
			Instant fetchedAt = this.clock.instant();
			this.api.subscription(stripeId)
				.ifPresentOrElse((subscription) -> repair(subscription, fetchedAt, tally), () -> tally.missing++);
		}
		logger.info("Stripe resync: {} subscription(s) on {} page(s), {} repaired, {} failed, {} unknown to Stripe",
				tally.listed, tally.pages, tally.repaired, tally.errors.size(), tally.missing);
		return tally.result();
	}

	private void repair(Subscription subscription, Instant fetchedAt, Tally tally) {
		tally.listed++;
		try {
			boolean changed = Boolean.TRUE.equals(this.transactions
				.execute((status) -> this.sync.apply(subscription, fetchedAt, "stripe:resync").changed()));
			tally.repaired += changed ? 1 : 0;
		}
		catch (DataAccessResourceFailureException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			tally.errors.add(subscription.getId() + ": " + ex.getMessage());
		}
	}

	private List<String> unseen(Set<String> seen) {
		List<String> unseen = new ArrayList<>(this.jdbc
			.sql("select stripe_subscription_id from subscriptions where stripe_subscription_id is not null")
			.query(String.class)
			.list());
		unseen.removeAll(seen);
		return unseen;
	}

	private static final class Tally {

		private int pages;

		private int listed;

		private int repaired;

		private int missing;

		private final List<String> errors = new ArrayList<>();

		Map<String, Object> result() {
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("listed", this.listed);
			result.put("pages", this.pages);
			result.put("repaired", this.repaired);
			result.put("missing", this.missing);
			result.put("failed", this.errors.size());
			result.put("errors", this.errors.subList(0, Math.min(REPORTED_ERRORS, this.errors.size())));
			return result;
		}

	}

}
