package com.mindroom.stripe;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Stripe Handler service.
 */
@SpringBootApplication
public class StripeHandlerApplication {

	public static void main(String[] args) {
		SpringApplication.run(StripeHandlerApplication.class, args);
	}

}
