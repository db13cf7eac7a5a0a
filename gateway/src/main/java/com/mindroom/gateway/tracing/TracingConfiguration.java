package com.mindroom.gateway.tracing;

import com.mindroom.gateway.client.ClientAddresses;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers request tracing and the access log.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccessLogProperties.class)
class TracingConfiguration {

	@Bean
	RequestTracing requestTracing(AccessLogProperties properties, ClientAddresses clients) {
		return new RequestTracing(new AccessLog(properties, clients));
	}

}
