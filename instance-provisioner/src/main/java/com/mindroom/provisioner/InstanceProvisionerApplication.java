package com.mindroom.provisioner;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Instance Provisioner service.
 */
@SpringBootApplication
public class InstanceProvisionerApplication {

	public static void main(String[] args) {
		SpringApplication.run(InstanceProvisionerApplication.class, args);
	}

}
