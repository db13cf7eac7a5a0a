package com.mindroom.common.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the annotated test class its own fresh, migrated PostgreSQL database: a Spring
 * test's application context connects to it, and a plain JUnit test can take a
 * {@link TestDatabase} parameter. No test class sees another's data.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FreshDatabaseExtension.class)
public @interface FreshDatabase {

}
