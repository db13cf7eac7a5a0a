package com.mindroom.portal;

import org.springframework.boot.SpringApplication;

/**
 * Starts the Customer Portal service from the IDE against the embedded defaults (the
 * local PostgreSQL).
 */
public final class TestCustomerPortalApplication {

	private TestCustomerPortalApplication() {
	}

	public static void main(String[] args) {
		SpringApplication.from(CustomerPortalApplication::main).run(args);
	}

}
