package com.mindroom.admin.stripe;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What the Stripe pages and the JSON API show.
 */
final class StripeViews {

	private StripeViews() {
	}

	/**
	 * An event of the webhook inbox.
	 *
	 * @param id Stripe's event id
	 * @param type the event type
	 * @param status {@code received}, {@code processed}, {@code ignored} or
	 * {@code failed}
	 * @param source {@code webhook}, {@code backfill} or {@code resync}
	 * @param objectId the object it is about
	 * @param attempts how often applying it was tried
	 * @param lastError why the last attempt failed
	 * @param createdAt when Stripe created it
	 * @param receivedAt when it was stored here
	 * @param processedAt when it was applied
	 * @param nextAttemptAt when it is tried next
	 */
	record StripeEvent(String id, String type, String status, String source, String objectId, int attempts,
			String lastError, OffsetDateTime createdAt, OffsetDateTime receivedAt, OffsetDateTime processedAt,
			OffsetDateTime nextAttemptAt) {

	}

	/**
	 * An event with its payload, secrets redacted.
	 *
	 * @param event the event
	 * @param payload the redacted payload, indented JSON
	 */
	record StripeEventDetail(StripeEvent event, String payload) {

	}

	/**
	 * A job of the stripe-handler.
	 *
	 * @param id the job id
	 * @param kind {@code stripe.backfill}, {@code stripe.resync} or
	 * {@code stripe.customer_email}
	 * @param account the account whose Stripe customer it updates, for
	 * {@code stripe.customer_email}
	 * @param status {@code queued}, {@code running}, {@code succeeded} or {@code failed}
	 * @param attempts how often it was tried
	 * @param lastError why the last attempt failed
	 * @param createdAt when it was queued
	 * @param finishedAt when it finished
	 */
	record StripeJob(UUID id, String kind, UUID account, String status, int attempts, String lastError,
			OffsetDateTime createdAt, OffsetDateTime finishedAt) {

	}

}
