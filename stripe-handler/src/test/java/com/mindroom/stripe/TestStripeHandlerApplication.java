package com.mindroom.stripe;

import org.springframework.boot.SpringApplication;

/**
 * Starts the Stripe Handler service from the IDE against the embedded defaults (the local
 * PostgreSQL).
 */
public final class TestStripeHandlerApplication {

	private TestStripeHandlerApplication() {
	}

	public static void main(String[] args) {
		SpringApplication.from(StripeHandlerApplication::main).run(args);
	}

}
