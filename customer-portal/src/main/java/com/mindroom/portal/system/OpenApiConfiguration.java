package com.mindroom.portal.system;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of {@code /api/v1} (served at {@code /api/v1/openapi}, with a
 * browsable page at {@code /api/v1/docs}): bearer JWTs from
 * {@code POST /api/v1/auth/token}.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
		info = @Info(title = "MindRoom Cloud customer API", version = "v1",
				description = "Your account, subscription, instance and usage. Errors are RFC 9457 problem details."),
		security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
class OpenApiConfiguration {

}
