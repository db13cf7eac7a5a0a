package com.mindroom.common.test;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.mindroom.common.plan.PlanCatalog;
import com.mindroom.common.plan.PlanProperties;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The plan catalog as shipped in {@code mindroom-common.yml}, for tests that run without
 * a Spring context.
 */
public final class TestPlans {

	private TestPlans() {
	}

	public static PlanProperties shippedProperties() {
		try {
			StandardEnvironment environment = new StandardEnvironment();
			new YamlPropertySourceLoader().load("common", new ClassPathResource("mindroom-common.yml"))
				.forEach(environment.getPropertySources()::addLast);
			return Binder.get(environment).bind("mindroom.plans", PlanProperties.class).get();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static PlanCatalog catalog() {
		return PlanCatalog.from(shippedProperties());
	}

}
