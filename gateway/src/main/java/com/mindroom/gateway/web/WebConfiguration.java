package com.mindroom.gateway.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the security headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityHeadersProperties.class)
class WebConfiguration {

	@Bean
	SecurityHeaders securityHeaders(SecurityHeadersProperties properties) {
		return new SecurityHeaders(properties);
	}

}
