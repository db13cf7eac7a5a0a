package com.mindroom.common.system;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared defaults sit below everything a service or an operator sets.
 */
class CommonDefaultsEnvironmentPostProcessorTests {

	@Test
	void sharedDefaultsApplyUnlessOverridden() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("service", Map.of("spring.flyway.enabled", "false")));
		new CommonDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.flyway.enabled")).isEqualTo("false");
		assertThat(environment.getProperty("spring.flyway.locations")).isEqualTo("classpath:db/migrations");
		assertThat(environment.getProperty("mindroom.db.role")).isEqualTo("mindroom_service");
	}

	@Test
	void addsTheDefaultsOnce() {
		StandardEnvironment environment = new StandardEnvironment();
		CommonDefaultsEnvironmentPostProcessor processor = new CommonDefaultsEnvironmentPostProcessor();
		processor.postProcessEnvironment(environment, new SpringApplication());
		int sources = environment.getPropertySources().size();
		processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().size()).isEqualTo(sources);
	}

}
