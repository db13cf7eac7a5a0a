package com.mindroom.common.job;

import java.util.Set;
import java.util.UUID;

/**
 * The kinds of job the stripe-handler runs, queued by the admin dashboard and the
 * customer portal: the contract between those services, named in one place.
 */
public final class StripeJobs {

	/**
	 * An on-demand backfill of missed events (and its dedupe key: one at a time).
	 */
	public static final String BACKFILL = "stripe.backfill";

	/**
	 * An on-demand full resync of subscriptions (and its dedupe key: one at a time).
	 */
	public static final String RESYNC = "stripe.resync";

	/**
	 * An update of a Stripe customer's email to its account's current one (payload
	 * {@code account_id}, dedupe key {@link #customerEmailKey}).
	 */
	public static final String CUSTOMER_EMAIL = "stripe.customer_email";

	/**
	 * Every kind the stripe-handler runs.
	 */
	public static final Set<String> KINDS = Set.of(BACKFILL, RESYNC, CUSTOMER_EMAIL);

	private StripeJobs() {
	}

	/**
	 * The dedupe key of an account's customer-email job: one waits per account.
	 * @param accountId the account
	 * @return the key
	 */
	public static String customerEmailKey(UUID accountId) {
		return CUSTOMER_EMAIL + ":" + accountId;
	}

}
