package com.mindroom.gateway.routing;

import java.net.URI;
import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * One downstream as the gateway sees it: UP while its readiness endpoint answers 2xx
 * within the probe timeout, DOWN with the status it answered or the kind of failure
 * otherwise. Which downstreams decide the gateway's readiness is the readiness group's
 * business ({@code management.endpoint.health.group.readiness.include}).
 */
class DownstreamHealthIndicator implements ReactiveHealthIndicator {

	private final WebClient client;

	private final URI probe;

	private final Duration timeout;

	DownstreamHealthIndicator(WebClient client, URI probe, Duration timeout) {
		this.client = client;
		this.probe = probe;
		this.timeout = timeout;
	}

	@Override
	public Mono<Health> health() {
		return this.client.get()
			.uri(this.probe)
			.exchangeToMono((response) -> response.releaseBody()
				.thenReturn((response.statusCode().is2xxSuccessful() ? Health.up() : Health.down())
					.withDetail("status", response.statusCode().value())
					.build()))
			.timeout(this.timeout)
			.onErrorResume((ex) -> Mono.just(Health.down().withDetail("error", ex.getClass().getSimpleName()).build()));
	}

}
