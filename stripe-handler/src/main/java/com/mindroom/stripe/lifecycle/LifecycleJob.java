package com.mindroom.stripe.lifecycle;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.common.lifecycle.DesiredStateSync;
import com.mindroom.stripe.system.StripeHandlerProperties;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-decides the instances whose review time has come ({@link DesiredStateSync#syncDue}),
 * in batches of one transaction each; scheduled on one replica at a time.
 */
@Component
public class LifecycleJob {

	private static final Logger logger = LoggerFactory.getLogger(LifecycleJob.class);

	private final DesiredStateSync desiredStates;

	private final int batch;

	LifecycleJob(DesiredStateSync desiredStates, StripeHandlerProperties properties) {
		this.desiredStates = desiredStates;
		this.batch = properties.lifecycle().batch();
	}

	@Scheduled(fixedDelayString = "${mindroom.stripe-handler.lifecycle.interval:1m}", initialDelayString = "15s")
	@SchedulerLock(name = "stripe-handler.lifecycle", lockAtMostFor = "PT10M")
	void scheduled() {
		runDue();
	}

	/**
	 * Applies every due time-based transition.
	 * @return how many instances changed their desired state
	 */
	public int runDue() {
		int changed = 0;
		int handled;
		do {
			handled = this.desiredStates.syncDue(this.batch).size();
			changed += handled;
		}
		while (handled == this.batch);
		if (changed > 0) {
			logger.info("Time-based lifecycle transitions applied to {} instance(s)", changed);
		}
		return changed;
	}

}
