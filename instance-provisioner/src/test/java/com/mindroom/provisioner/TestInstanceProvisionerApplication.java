package com.mindroom.provisioner;

import org.springframework.boot.SpringApplication;

/**
 * Starts the Instance Provisioner service from the IDE against the embedded defaults (the
 * local PostgreSQL).
 */
public final class TestInstanceProvisionerApplication {

	private TestInstanceProvisionerApplication() {
	}

	public static void main(String[] args) {
		SpringApplication.from(InstanceProvisionerApplication::main).run(args);
	}

}
