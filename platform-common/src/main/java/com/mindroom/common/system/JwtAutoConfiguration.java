package com.mindroom.common.system;

import com.mindroom.common.security.JwtProperties;
import com.mindroom.common.security.JwtVerification;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * JWT verification for services that carry Spring Security's resource server: the same
 * keys and checks in the servlet services and in the reactive gateway.
 */
@AutoConfiguration(beforeName = {
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration" })
@ConditionalOnClass(JwtDecoder.class)
@EnableConfigurationProperties(JwtProperties.class)
public class JwtAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	JwtDecoder jwtDecoder(JwtProperties properties) {
		return JwtVerification.decoder(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	ReactiveJwtDecoder reactiveJwtDecoder(JwtProperties properties) {
		return JwtVerification.reactiveDecoder(properties);
	}

}
