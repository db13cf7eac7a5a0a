package com.mindroom.gateway.limits;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the body-size route filter.
 */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

	@Bean
	BodySizeLimitGatewayFilterFactory bodySizeLimitGatewayFilterFactory() {
		return new BodySizeLimitGatewayFilterFactory();
	}

}
