package com.mindroom.gateway;

import org.springframework.boot.SpringApplication;

/**
 * Starts the gateway from the IDE against the embedded defaults.
 */
public final class TestGatewayApplication {

	private TestGatewayApplication() {
	}

	public static void main(String[] args) {
		SpringApplication.from(GatewayApplication::main).run(args);
	}

}
