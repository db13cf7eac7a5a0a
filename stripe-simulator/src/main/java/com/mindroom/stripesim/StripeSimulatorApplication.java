package com.mindroom.stripesim;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The local Stripe simulator: the Stripe API the platform calls, hosted checkout and
 * customer-portal pages, signed webhooks and a clock that can be advanced.
 */
@SpringBootApplication
public class StripeSimulatorApplication {

	public static void main(String[] args) {
		SpringApplication.run(StripeSimulatorApplication.class, args);
	}

}
