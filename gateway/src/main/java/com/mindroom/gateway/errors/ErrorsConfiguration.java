package com.mindroom.gateway.errors;

import com.mindroom.gateway.routing.CircuitBreakerProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;

/**
 * Registers the gateway's error handler ahead of Spring Boot's default one.
 */
@Configuration(proxyBeanMethods = false)
class ErrorsConfiguration {

	@Bean
	GatewayErrorHandler gatewayErrorHandler(CircuitBreakerProperties circuitBreaker, ServerCodecConfigurer codecs) {
		return new GatewayErrorHandler(circuitBreaker.waitInOpenState(), codecs);
	}

}
