package com.mindroom.stripe.inbox;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries failed inbox events whose backoff is over; scheduled on one replica at a time.
 */
@Component
class InboxRetryJob {

	private final EventInbox inbox;

	InboxRetryJob(EventInbox inbox) {
		this.inbox = inbox;
	}

	@Scheduled(fixedDelayString = "${mindroom.stripe-handler.inbox.retry-interval:10s}", initialDelayString = "10s")
	@SchedulerLock(name = "stripe-handler.inbox-retry", lockAtMostFor = "PT10M")
	void retryDue() {
		this.inbox.retryDue();
	}

}
