package com.mindroom.gateway.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

import com.mindroom.gateway.errors.GatewayProblem;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The downstreams' circuit breakers, the path guard and the readiness check.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ DownstreamProperties.class, CircuitBreakerProperties.class })
class RoutingConfiguration {

	// route timeouts bound the calls; Resilience4j's own time limiter is disabled in
	// application.yml
	@Bean
	Customizer<ReactiveResilience4JCircuitBreakerFactory> downstreamCircuitBreakers(
			CircuitBreakerProperties properties) {
		CircuitBreakerConfig config = CircuitBreakerConfig.custom()
			.failureRateThreshold(properties.failureRateThreshold())
			.slidingWindowSize(properties.slidingWindowSize())
			.minimumNumberOfCalls(properties.minimumNumberOfCalls())
			.waitDurationInOpenState(properties.waitInOpenState())
			.permittedNumberOfCallsInHalfOpenState(properties.permittedCallsInHalfOpenState())
			// the gateway's own refusals (a body too large) say nothing about the
			// downstream
			.ignoreExceptions(GatewayProblem.class)
			.build();
		return (factory) -> factory
			.configureDefault((id) -> new Resilience4JConfigBuilder(id).circuitBreakerConfig(config).build());
	}

	@Bean
	PathGuard pathGuard() {
		return new PathGuard();
	}

	/**
	 * The {@code downstreams} health component: one member per downstream
	 * ({@code downstreams/portal}, ...), so the readiness group can require some and
	 * leave the others reported only.
	 * @param properties the downstreams
	 * @return the component
	 */
	@Bean
	CompositeReactiveHealthContributor downstreamsHealthContributor(DownstreamProperties properties) {
		WebClient client = WebClient.create();
		return CompositeReactiveHealthContributor.fromMap(properties.downstreams(),
				(downstream) -> new DownstreamHealthIndicator(client, downstream.url().resolve(properties.probePath()),
						properties.probeTimeout()));
	}

}
