package com.mindroom.gateway.routing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a downstream's circuit breaker opens and for how long
 * ({@code mindroom.gateway.circuit-breaker}); one breaker per downstream, shared by its
 * routes.
 *
 * @param failureRateThreshold percentage of failed calls that opens the breaker
 * @param slidingWindowSize how many recent calls are considered
 * @param minimumNumberOfCalls how many calls are needed before the rate counts
 * @param waitInOpenState how long the breaker stays open (also the 503's
 * {@code Retry-After})
 * @param permittedCallsInHalfOpenState trial calls once the wait is over
 */
@ConfigurationProperties("mindroom.gateway.circuit-breaker")
public record CircuitBreakerProperties(@DefaultValue("50") float failureRateThreshold,
		@DefaultValue("20") int slidingWindowSize, @DefaultValue("10") int minimumNumberOfCalls,
		@DefaultValue("10s") Duration waitInOpenState, @DefaultValue("3") int permittedCallsInHalfOpenState) {

}
