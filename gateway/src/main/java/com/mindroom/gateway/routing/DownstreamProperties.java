package com.mindroom.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The services the gateway routes to ({@code mindroom.gateway}); the routes themselves
 * are in {@code application.yml} and take their target URLs from here.
 *
 * @param downstreams each downstream by name (the name of its circuit breaker too)
 * @param probePath the path that says whether a downstream is ready
 * @param probeTimeout how long a readiness probe of a downstream may take
 */
@ConfigurationProperties("mindroom.gateway")
public record DownstreamProperties(Map<String, Downstream> downstreams,
		@DefaultValue("/actuator/health/readiness") String probePath, @DefaultValue("2s") Duration probeTimeout) {

	/**
	 * A downstream service.
	 *
	 * @param url its base URL
	 */
	public record Downstream(URI url) {

	}

}
