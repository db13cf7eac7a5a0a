package com.mindroom.stripe.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The Stripe Handler's own settings ({@code mindroom.stripe-handler}); the Stripe keys
 * and webhook secrets are the shared {@code mindroom.stripe} settings.
 *
 * @param webhook how deliveries are received
 * @param inbox how failed events are retried
 * @param backfill how missed events are fetched from Stripe
 * @param lifecycle how often time-based lifecycle transitions are applied
 * @param api how outgoing Stripe calls are paced and retried
 * @param jobs how queued jobs (backfill, resync, customer email) are picked up and
 * retried
 * @param scheduling whether this replica runs the scheduled jobs at all
 */
@ConfigurationProperties("mindroom.stripe-handler")
public record StripeHandlerProperties(@DefaultValue Webhook webhook, @DefaultValue Inbox inbox,
		@DefaultValue Backfill backfill, @DefaultValue Lifecycle lifecycle, @DefaultValue Api api,
		@DefaultValue Jobs jobs, @DefaultValue Scheduling scheduling) {

	/**
	 * @param maxBodySize the largest delivery accepted (Stripe's events are far smaller)
	 */
	public record Webhook(@DefaultValue("512KB") DataSize maxBodySize) {

	}

	/**
	 * @param retryInterval how often failed events are looked at
	 * @param retryBackoff the wait after the first failed attempt, doubled after each
	 * @param retryBackoffMax the longest wait between attempts
	 * @param maxAttempts after how many attempts an event is left for an admin (it stays
	 * failed and visible)
	 * @param batch how many due events one run retries
	 */
	public record Inbox(@DefaultValue("10s") Duration retryInterval, @DefaultValue("30s") Duration retryBackoff,
			@DefaultValue("1h") Duration retryBackoffMax, @DefaultValue("20") int maxAttempts,
			@DefaultValue("50") int batch) {

	}

	/**
	 * @param interval how often the scheduled backfill runs
	 * @param overlap how far before the newest stored event a backfill starts, for events
	 * delivered out of order
	 * @param window how far back Stripe lists events (30 days)
	 */
	public record Backfill(@DefaultValue("1h") Duration interval, @DefaultValue("1d") Duration overlap,
			@DefaultValue("30d") Duration window) {

	}

	/**
	 * @param interval how often instances whose decision time has come are re-decided
	 * @param batch how many instances one transaction handles
	 */
	public record Lifecycle(@DefaultValue("1m") Duration interval, @DefaultValue("200") int batch) {

	}

	/**
	 * @param requestsPerSecond the most Stripe requests per second (Stripe allows 25 in
	 * test mode)
	 * @param permitTimeout how long a call waits for its turn before it fails
	 * @param retryAttempts how many times a rate-limited or failed call is tried in all
	 * @param retryBackoff the wait before the first retry, doubled after each
	 * @param pageSize how many objects one list request asks for
	 */
	public record Api(@DefaultValue("25") int requestsPerSecond, @DefaultValue("1m") Duration permitTimeout,
			@DefaultValue("5") int retryAttempts, @DefaultValue("1s") Duration retryBackoff,
			@DefaultValue("100") long pageSize) {

	}

	/**
	 * @param pollInterval how often queued jobs are looked for when no notification came
	 * @param lease how long a claimed job is held before another replica may take it
	 * @param retryDelay how long a failed job waits before its next attempt
	 * @param listen whether to LISTEN for queued jobs (the poll is the safety net)
	 */
	public record Jobs(@DefaultValue("30s") Duration pollInterval, @DefaultValue("30m") Duration lease,
			@DefaultValue("1m") Duration retryDelay, @DefaultValue("true") boolean listen) {

	}

	/**
	 * @param enabled whether the scheduled jobs (retry, backfill, lifecycle, job poll)
	 * run
	 */
	public record Scheduling(@DefaultValue("true") boolean enabled) {

	}

}
