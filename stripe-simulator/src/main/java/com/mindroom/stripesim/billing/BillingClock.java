package com.mindroom.stripesim.billing;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.stripesim.clock.SimulatedTime;
import com.mindroom.stripesim.store.ObjectStore;
import com.mindroom.stripesim.system.SimulatorProperties;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Moves the simulated clock and runs the billing that falls due, in one transaction; also
 * applies real time passing, every {@code mindroom.stripe-sim.billing.tick}.
 */
@Component
public class BillingClock {

	private static final Logger logger = LoggerFactory.getLogger(BillingClock.class);

	private final ObjectStore store;

	private final SimulatedTime time;

	private final BillingEngine engine;

	private final TaskScheduler scheduler;

	private final Duration tick;

	BillingClock(ObjectStore store, SimulatedTime time, BillingEngine engine, TaskScheduler scheduler,
			SimulatorProperties properties) {
		this.store = store;
		this.time = time;
		this.engine = engine;
		this.scheduler = scheduler;
		this.tick = properties.billing().tick();
	}

	/**
	 * Advances the clock and runs what falls due.
	 * @param by how far (positive)
	 * @return the clock afterwards
	 */
	public State advance(Duration by) {
		return this.store.write(() -> {
			this.time.advance(by);
			return new State(this.time.now(), this.time.offsetSeconds(), this.engine.runUntil(this.time.nowSeconds()));
		});
	}

	/**
	 * Advances the clock to the next billing work (a renewal, trial end, retry or
	 * cancellation) and runs it.
	 * @return the clock afterwards
	 * @throws InvalidRequestException when no billing work is scheduled
	 */
	public State advanceToNextWork() {
		long due = this.store.earliestDue()
			.orElseThrow(() -> new InvalidRequestException("No billing work is scheduled", null));
		long ahead = due - this.time.nowSeconds();
		return (ahead > 0) ? advance(Duration.ofSeconds(ahead)) : catchUp();
	}

	/**
	 * Runs what fell due as real time passed.
	 * @return the clock
	 */
	public State catchUp() {
		return this.store.write(() -> new State(this.time.now(), this.time.offsetSeconds(),
				this.engine.runUntil(this.time.nowSeconds())));
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		this.store.write(() -> {
			this.time.publish();
			return null;
		});
		this.scheduler.scheduleWithFixedDelay(this::tick, this.tick);
	}

	private void tick() {
		try {
			catchUp();
		}
		catch (DataAccessException ex) {
			logger.warn("Billing tick skipped: database unavailable ({})", ex.getMessage());
		}
	}

	/**
	 * The clock after a move.
	 *
	 * @param now the simulated time
	 * @param offsetSeconds how far it is ahead of real time
	 * @param steps how many pieces of billing work ran
	 */
	public record State(Instant now, long offsetSeconds, int steps) {

	}

}
