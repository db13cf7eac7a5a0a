package com.mindroom.admin.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of {@code /api/admin/**} (served at {@code /admin/api-docs}),
 * with how callers authenticate: the dashboard session cookie of an admin who gave both
 * factors, and the CSRF token in a header on every write.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ApiDocsConfiguration {

	@Bean
	OpenAPI adminOpenApi() {
		return new OpenAPI()
			.info(new Info().title("MindRoom Cloud admin API")
				.version("v1")
				.description("The admin dashboard's JSON API. Sign in at /admin/login (password, then the TOTP code); "
						+ "the session cookie MINDROOM_ADMIN_SESSION then authenticates API calls. Every POST carries "
						+ "the CSRF token from GET /api/admin/csrf in the X-CSRF-TOKEN header. Destructive actions "
						+ "(grant admin, delete) also need a fresh TOTP code in the body ('code'). Errors are RFC 9457 "
						+ "problem details; 401 means sign-in or the second factor is missing, 403 means not allowed."))
			.components(new Components()
				.addSecuritySchemes("adminSession",
						new SecurityScheme().type(SecurityScheme.Type.APIKEY)
							.in(SecurityScheme.In.COOKIE)
							.name("MINDROOM_ADMIN_SESSION"))
				.addSecuritySchemes("csrf",
						new SecurityScheme().type(SecurityScheme.Type.APIKEY)
							.in(SecurityScheme.In.HEADER)
							.name("X-CSRF-TOKEN")))
			.addSecurityItem(new SecurityRequirement().addList("adminSession").addList("csrf"));
	}

}
