package com.mindroom.stripe.backfill;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import com.mindroom.stripe.api.StripeApi;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The hourly backfill (one replica at a time, and only with the Stripe API configured)
 * and the poll for queued jobs, the safety net of {@link JobQueueListener}.
 */
@Component
class ScheduledBillingJobs {

	private final StripeApi api;

	private final EventBackfill backfill;

	private final BillingJobs jobs;

	ScheduledBillingJobs(StripeApi api, EventBackfill backfill, BillingJobs jobs) {
		this.api = api;
		this.backfill = backfill;
		this.jobs = jobs;
	}

	@Scheduled(fixedDelayString = "${mindroom.stripe-handler.backfill.interval:1h}", initialDelayString = "1m")
	@SchedulerLock(name = "stripe-handler.backfill", lockAtMostFor = "PT50M")
	void backfill() {
		if (this.api.enabled()) {
			this.backfill.run();
		}
	}

	@Scheduled(fixedDelayString = "${mindroom.stripe-handler.jobs.poll-interval:30s}", initialDelayString = "5s")
	void pollJobs() {
		this.jobs.runDue();
	}

}
