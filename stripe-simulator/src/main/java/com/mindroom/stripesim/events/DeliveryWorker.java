package com.mindroom.stripesim.events;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.stripesim.system.SimulatorProperties;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Delivers queued events on one background thread: in queue order by default (a failing
 * event holds back the ones after it, so the platform sees Stripe's order), or each due
 * batch newest first when out-of-order delivery is on. A failed attempt (non-2xx or no
 * connection) is retried with exponential backoff until it has been retried for the
 * configured time. The worker wakes when events are queued and polls otherwise.
 */
@Component
class DeliveryWorker implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(DeliveryWorker.class);

	private static final int BATCH = 50;

	private final DeliveryQueue queue;

	private final WebhookSender sender;

	private final SimulatorProperties.Delivery settings;

	private final Object signal = new Object();

	private volatile boolean woken;

	private volatile Thread thread;

	DeliveryWorker(DeliveryQueue queue, WebhookSender sender, SimulatorProperties properties) {
		this.queue = queue;
		this.sender = sender;
		this.settings = properties.delivery();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void onQueued(EventsQueued queued) {
		wake();
	}

	void wake() {
		synchronized (this.signal) {
			this.woken = true;
			this.signal.notifyAll();
		}
	}

	@Override
	public void start() {
		Thread worker = new Thread(this::run, "webhook-delivery");
		worker.setDaemon(true);
		this.thread = worker;
		worker.start();
	}

	@Override
	public void stop() {
		Thread worker = this.thread;
		this.thread = null;
		if (worker != null) {
			worker.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.thread != null;
	}

	private void run() {
		while (this.thread == Thread.currentThread()) {
			try {
				while (deliverSome()) {
					// keep going while progress is made
				}
			}
			catch (DataAccessException ex) {
				logger.warn("Webhook delivery paused: database unavailable ({})", ex.getMessage());
			}
			if (!pause()) {
				return;
			}
		}
	}

	private boolean pause() {
		synchronized (this.signal) {
			try {
				if (!this.woken) {
					this.signal.wait(this.settings.pollInterval().toMillis());
				}
				this.woken = false;
				return true;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
	}

	/**
	 * Delivers what is due now.
	 * @return whether something was delivered, so the caller goes on at once
	 */
	boolean deliverSome() {
		if (this.queue.options().outOfOrder()) {
			List<Delivery> batch = this.queue.dueNewestFirst(BATCH);
			boolean progress = false;
			for (Delivery delivery : batch) {
				progress |= attempt(delivery);
			}
			return progress;
		}
		Optional<Delivery> head = this.queue.head();
		return head.isPresent() && this.queue.isDue(head.get()) && attempt(head.get());
	}

	private boolean attempt(Delivery delivery) {
		WebhookSender.Outcome outcome = this.sender.send(this.queue.payload(delivery));
		if (outcome.delivered()) {
			this.queue.delivered(delivery, outcome.status());
			logger.debug("Delivered {} ({})", delivery.eventType(), delivery.eventId());
			return true;
		}
		Duration backoff = backoff(delivery.attempts());
		this.queue.failed(delivery, outcome.status(), outcome.error(), backoff, this.settings.giveUpAfter());
		logger.info("Delivery of {} ({}) failed: {}; retrying in {}", delivery.eventType(), delivery.eventId(),
				outcome.error(), backoff);
		return false;
	}

	private Duration backoff(int attemptsBefore) {
		Duration backoff = this.settings.backoff().multipliedBy(1L << Math.min(attemptsBefore, 20));
		return (backoff.compareTo(this.settings.maxBackoff()) > 0) ? this.settings.maxBackoff() : backoff;
	}

}
