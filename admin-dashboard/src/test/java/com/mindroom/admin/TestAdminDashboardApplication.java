package com.mindroom.admin;

import org.springframework.boot.SpringApplication;

/**
 * Starts the Admin Dashboard service from the IDE against the embedded defaults (the
 * local PostgreSQL).
 */
public final class TestAdminDashboardApplication {

	private TestAdminDashboardApplication() {
	}

	public static void main(String[] args) {
		SpringApplication.from(AdminDashboardApplication::main).run(args);
	}

}
