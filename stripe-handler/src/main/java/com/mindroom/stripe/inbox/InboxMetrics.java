package com.mindroom.stripe.inbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The inbox's gauge for the alerts: {@code mindroom.stripe.events.failed}, the events
 * that could not be applied (they wait for a retry or an admin), counted at scrape time
 * through the inbox's retry index.
 */
@Component
class InboxMetrics implements MeterBinder {

	private final JdbcClient jdbc;

	InboxMetrics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("mindroom.stripe.events.failed", this, InboxMetrics::failed)
			.description("Stripe events stored but not applied")
			.strongReference(true)
			.register(registry);
	}

	private double failed() {
		return this.jdbc.sql("select count(*) from stripe_events where status = 'failed'").query(Long.class).single();
	}

}
