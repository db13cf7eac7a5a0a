package com.mindroom.stripe.backfill;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.common.job.Job;
import com.mindroom.common.job.JobQueue;
import com.mindroom.stripe.api.StripeApi;
import com.mindroom.stripe.system.StripeHandlerProperties;

import org.springframework.stereotype.Component;

/**
 * Runs the back-office jobs this service owns, queued by the admin dashboard:
 * {@code stripe.backfill} and {@code stripe.resync}. Claims are leased with
 * {@code SKIP LOCKED}, so any number of replicas share the queue.
 */
@Component
public class BillingJobs {

	/**
	 * The kind (and dedupe key) of an on-demand backfill.
	 */
	public static final String BACKFILL = "stripe.backfill";

	/**
	 * The kind (and dedupe key) of an on-demand resync.
	 */
	public static final String RESYNC = "stripe.resync";

	private static final Logger logger = LoggerFactory.getLogger(BillingJobs.class);

	private final JobQueue queue;

	private final StripeApi api;

	private final EventBackfill backfill;

	private final SubscriptionResync resync;

	private final StripeHandlerProperties.Jobs settings;

	BillingJobs(JobQueue queue, StripeApi api, EventBackfill backfill, SubscriptionResync resync,
			StripeHandlerProperties properties) {
		this.queue = queue;
		this.api = api;
		this.backfill = backfill;
		this.resync = resync;
		this.settings = properties.jobs();
	}

	/**
	 * Runs every due job of both kinds.
	 * @return how many jobs ran
	 */
	public synchronized int runDue() {
		return runAll(BACKFILL, this.backfill::run) + runAll(RESYNC, this.resync::run);
	}

	private int runAll(String kind, Supplier<Map<String, Object>> work) {
		int ran = 0;
		Optional<Job> job = this.queue.claim(kind, this.settings.lease());
		while (job.isPresent()) {
			run(job.get(), work);
			ran++;
			job = this.queue.claim(kind, this.settings.lease());
		}
		return ran;
	}

	private void run(Job job, Supplier<Map<String, Object>> work) {
		if (!this.api.enabled()) {
			this.queue.fail(job, "The Stripe API is not configured (STRIPE_SECRET_KEY)", this.settings.retryDelay());
			return;
		}
		logger.info("Running {} job {} (attempt {})", job.kind(), job.id(), job.attempts());
		try {
			this.queue.succeed(job.id(), work.get());
		}
		catch (RuntimeException ex) {
			this.queue.fail(job, ex.getClass().getSimpleName() + ": " + ex.getMessage(), this.settings.retryDelay());
		}
	}

}
