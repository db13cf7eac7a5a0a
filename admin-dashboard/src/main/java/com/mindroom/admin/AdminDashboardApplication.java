package com.mindroom.admin;

import com.mindroom.admin.operator.OperatorApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Admin Dashboard service; with {@code create-admin} on the command line it runs that
 * operator command instead and exits.
 */
@SpringBootApplication
public class AdminDashboardApplication {

	public static void main(String[] args) {
		if (OperatorApplication.handles(args)) {
			System.exit(OperatorApplication.run(args, System.out));
		}
		SpringApplication.run(AdminDashboardApplication.class, args);
	}

}
