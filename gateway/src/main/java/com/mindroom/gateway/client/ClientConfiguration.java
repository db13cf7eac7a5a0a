package com.mindroom.gateway.client;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The client address resolver and the header shaping for downstream requests.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClientProperties.class)
class ClientConfiguration {

	@Bean
	ClientAddresses clientAddresses(ClientProperties properties) {
		return new ClientAddresses(properties.trustedProxies());
	}

	@Bean
	ForwardedHeaders forwardedHeaders(ClientAddresses clients, ClientProperties properties) {
		return new ForwardedHeaders(clients, properties.strippedHeaders());
	}

}
