package com.mindroom.common.test;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Points the application context of a {@link FreshDatabase} test class at a database of
 * its own. The customizer is keyed on the test class, so such contexts are never shared
 * between classes.
 */
class FreshDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return TestContextAnnotationUtils.hasAnnotation(testClass, FreshDatabase.class) ? new Customizer(testClass)
				: null;
	}

	private static final class Customizer implements ContextCustomizer {

		private final Class<?> testClass;

		Customizer(Class<?> testClass) {
			this.testClass = testClass;
		}

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			TestDatabase database = TestDatabases.get().create();
			context.getBeanFactory().registerSingleton("testDatabase", database);
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("freshDatabase",
						Map.of("spring.datasource.url", database.jdbcUrl(), "spring.datasource.username",
								database.username(), "spring.datasource.password", database.password())));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Customizer customizer && customizer.testClass.equals(this.testClass);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.testClass);
		}

	}

}
