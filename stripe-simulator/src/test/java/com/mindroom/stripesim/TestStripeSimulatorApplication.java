package com.mindroom.stripesim;

import java.util.Arrays;
import java.util.stream.Stream;

import org.springframework.boot.SpringApplication;

/**
 * Starts the Stripe simulator from the IDE against the local PostgreSQL, signing with a
 * fixed local secret unless {@code STRIPE_WEBHOOK_SECRET} is set.
 */
public final class TestStripeSimulatorApplication {

	private TestStripeSimulatorApplication() {
	}

	public static void main(String[] args) {
		String[] arguments = (System.getenv("STRIPE_WEBHOOK_SECRET") != null) ? args
				: Stream
					.concat(Stream.of("--mindroom.stripe-sim.webhook-secret=whsec_local_simulator"),
							Arrays.stream(args))
					.toArray(String[]::new);
		SpringApplication.from(StripeSimulatorApplication::main).run(arguments);
	}

}
