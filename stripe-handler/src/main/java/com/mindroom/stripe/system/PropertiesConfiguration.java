package com.mindroom.stripe.system;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Binds the Stripe Handler's settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StripeHandlerProperties.class)
class PropertiesConfiguration {

}
