package com.mindroom.stripesim.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.stripesim.system.SimulatorProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The simulator's "now": real time plus a stored offset that only ever grows. Moving it
 * also writes the platform's offset ({@code mindroom.simulated_clock}) when that table
 * exists, so the platform's lifecycle sees the same time as the simulator's billing.
 * Callers move it inside a store write, so the offset and the billing it triggers commit
 * together.
 */
@Component
public class SimulatedTime {

	private static final Logger logger = LoggerFactory.getLogger(SimulatedTime.class);

	private final JdbcClient jdbc;

	private final Clock real;

	private final boolean platformClock;

	SimulatedTime(JdbcClient jdbc, SimulatorProperties properties) {
		this.jdbc = jdbc;
		this.real = Clock.systemUTC();
		this.platformClock = properties.platformClock();
	}

	/**
	 * The simulated time, in whole seconds as Stripe's timestamps are.
	 * @return now, in epoch seconds
	 */
	public long nowSeconds() {
		return this.real.instant().getEpochSecond() + offsetSeconds();
	}

	public Instant now() {
		return Instant.ofEpochSecond(nowSeconds());
	}

	public long offsetSeconds() {
		return this.jdbc.sql("select clock_offset_seconds from state").query(Long.class).single();
	}

	/**
	 * Moves the clock forward.
	 * @param by how far (positive)
	 * @return the new offset in seconds
	 */
	public long advance(Duration by) {
		if (by.isNegative() || by.isZero()) {
			throw new IllegalArgumentException("The clock only moves forward: give a positive duration");
		}
		long offset = this.jdbc
			.sql("update state set clock_offset_seconds = clock_offset_seconds + :by returning clock_offset_seconds")
			.param("by", by.toSeconds())
			.query(Long.class)
			.single();
		logger.info("Simulated clock advanced by {}; now {} ({}s ahead of real time)", by, now(), offset);
		writePlatformOffset(offset);
		return offset;
	}

	/**
	 * Writes the current offset into the platform's table, for a platform that started
	 * after the clock last moved.
	 */
	public void publish() {
		writePlatformOffset(offsetSeconds());
	}

	private void writePlatformOffset(long offset) {
		if (!this.platformClock || !platformTableExists()) {
			return;
		}
		this.jdbc.sql("""
				insert into mindroom.simulated_clock (id, offset_seconds, updated_at) values (true, :offset, now())
				on conflict (id) do update set offset_seconds = excluded.offset_seconds, updated_at = now()
				""").param("offset", Math.max(0, offset)).update();
	}

	private boolean platformTableExists() {
		boolean exists = this.jdbc.sql("select to_regclass('mindroom.simulated_clock') is not null")
			.query(Boolean.class)
			.single();
		if (!exists) {
			logger.debug("No mindroom.simulated_clock table: the platform's clock is not moved");
		}
		return exists;
	}

}
