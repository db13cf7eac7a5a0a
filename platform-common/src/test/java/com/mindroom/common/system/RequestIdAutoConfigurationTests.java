package com.mindroom.common.system;

import org.junit.jupiter.api.Test;

import com.mindroom.common.web.RequestIdFilter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Servlet services get the request id filter, and the shared logging pattern prints the
 * id.
 */
class RequestIdAutoConfigurationTests {

	@Test
	void servletServicesGetTheRequestIdFilter() {
		new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(RequestIdAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(RequestIdFilter.class));
	}

	@Test
	void nonWebApplicationsDoNot() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(RequestIdAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(RequestIdFilter.class));
	}

	@Test
	void sharedLoggingPatternPrintsTheRequestId() {
		StandardEnvironment environment = new StandardEnvironment();
		new CommonDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("logging.pattern.correlation")).contains("%X{requestId");
	}

}
