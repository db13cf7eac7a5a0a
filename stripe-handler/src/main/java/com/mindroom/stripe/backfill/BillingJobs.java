package com.mindroom.stripe.backfill;

import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.common.job.Job;
import com.mindroom.common.job.JobQueue;
import com.mindroom.common.job.StripeJobs;
import com.mindroom.stripe.api.StripeApi;
import com.mindroom.stripe.system.StripeHandlerProperties;

import org.springframework.stereotype.Component;

/**
 * Runs the back-office jobs this service owns: {@code stripe.backfill} and
 * {@code stripe.resync}, queued by the admin dashboard, and
 * {@code stripe.customer_email}, queued by the portal when a customer's email changes.
 * Claims are leased with {@code SKIP LOCKED}, so any number of replicas share the queue;
 * a failed attempt is retried after the configured delay until the job's last attempt.
 */
@Component
public class BillingJobs {

	private static final Logger logger = LoggerFactory.getLogger(BillingJobs.class);

	private final JobQueue queue;

	private final StripeApi api;

	private final EventBackfill backfill;

	private final SubscriptionResync resync;

	private final CustomerEmails customerEmails;

	private final StripeHandlerProperties.Jobs settings;

	BillingJobs(JobQueue queue, StripeApi api, EventBackfill backfill, SubscriptionResync resync,
			CustomerEmails customerEmails, StripeHandlerProperties properties) {
		this.queue = queue;
		this.api = api;
		this.backfill = backfill;
		this.resync = resync;
		this.customerEmails = customerEmails;
		this.settings = properties.jobs();
	}

	/**
	 * Runs every due job of the three kinds.
	 * @return how many jobs ran
	 */
	public synchronized int runDue() {
		return runAll(StripeJobs.BACKFILL, (job) -> this.queue.succeed(job.id(), this.backfill.run()))
				+ runAll(StripeJobs.RESYNC, (job) -> this.queue.succeed(job.id(), this.resync.run()))
				+ runAll(StripeJobs.CUSTOMER_EMAIL, this.customerEmails::run);
	}

	/**
	 * Claims and runs the due jobs of a kind.
	 * @param kind the kind
	 * @param work what completes a claimed job ({@link JobQueue#succeed}); a failure
	 * records a failed attempt
	 * @return how many jobs ran
	 */
	private int runAll(String kind, Consumer<Job> work) {
		int ran = 0;
		Optional<Job> job = this.queue.claim(kind, this.settings.lease());
		while (job.isPresent()) {
			run(job.get(), work);
			ran++;
			job = this.queue.claim(kind, this.settings.lease());
		}
		return ran;
	}

	private void run(Job job, Consumer<Job> work) {
		if (!this.api.enabled()) {
			this.queue.fail(job, "The Stripe API is not configured (STRIPE_SECRET_KEY)", this.settings.retryDelay());
			return;
		}
		logger.info("Running {} job {} (attempt {})", job.kind(), job.id(), job.attempts());
		try {
			work.accept(job);
		}
		catch (RuntimeException ex) {
			this.queue.fail(job, ex.getClass().getSimpleName() + ": " + ex.getMessage(), this.settings.retryDelay());
		}
	}

}
