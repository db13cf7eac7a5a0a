package com.mindroom.admin.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.mindroom.common.test.FreshDatabase;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The admin dashboard on a random port against a fresh database, with the keys its
 * identity and second factor need and a simulated cluster.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@FreshDatabase
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "mindroom.security.encryption-key=" + TestAdmins.ENCRYPTION_KEY,
				"mindroom.security.jwt.secret=" + TestAdmins.JWT_SECRET, "mindroom.cluster.simulated=true" })
public @interface AdminIntegrationTest {

}
