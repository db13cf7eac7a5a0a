package com.mindroom.common.db;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The platform clock when MindRoom runs against the local Stripe simulator: real time
 * plus the offset the simulator's clock control stored in {@code simulated_clock}, so
 * every service sees trial ends, renewals and grace periods pass together. The offset is
 * re-read at most once a second.
 */
public class SimulatedClock extends Clock {

	private static final Duration REFRESH = Duration.ofSeconds(1);

	private final JdbcClient jdbc;

	private final Clock base;

	private volatile Duration offset = Duration.ZERO;

	private volatile Instant readAt = Instant.MIN;

	public SimulatedClock(JdbcClient jdbc, Clock base) {
		this.jdbc = jdbc;
		this.base = base;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		SimulatedClock source = this;
		return new Clock() {

			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return source.withZone(other);
			}

			@Override
			public Instant instant() {
				return source.instant();
			}

		};
	}

	@Override
	public Instant instant() {
		Instant real = this.base.instant();
		if (real.isAfter(this.readAt.plus(REFRESH))) {
			this.offset = Duration
				.ofSeconds(this.jdbc.sql("select coalesce(max(offset_seconds), 0) from simulated_clock")
					.query(Long.class)
					.single());
			this.readAt = real;
		}
		return real.plus(this.offset);
	}

}
