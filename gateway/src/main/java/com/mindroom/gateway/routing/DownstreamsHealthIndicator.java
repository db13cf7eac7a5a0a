package com.mindroom.gateway.routing;

import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The gateway's readiness as seen from its downstreams: probes each one's readiness
 * endpoint and reports every result; the gateway is DOWN when a downstream marked
 * {@code required-for-readiness} does not answer ready.
 */
class DownstreamsHealthIndicator implements ReactiveHealthIndicator {

	private final DownstreamProperties properties;

	private final WebClient client;

	DownstreamsHealthIndicator(DownstreamProperties properties, WebClient client) {
		this.properties = properties;
		this.client = client;
	}

	@Override
	public Mono<Health> health() {
		return Flux.fromIterable(this.properties.downstreams().entrySet())
			.flatMap((entry) -> probe(entry.getValue()).map((ready) -> Map.entry(entry.getKey(), ready)))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new)
			.map(this::toHealth);
	}

	private Mono<Boolean> probe(DownstreamProperties.Downstream downstream) {
		return this.client.get()
			.uri(downstream.url().resolve(this.properties.probePath()))
			.retrieve()
			.toBodilessEntity()
			.map((response) -> response.getStatusCode().is2xxSuccessful())
			.timeout(this.properties.probeTimeout())
			.onErrorReturn(false);
	}

	private Health toHealth(Map<String, Boolean> ready) {
		boolean requiredReady = ready.entrySet()
			.stream()
			.allMatch((entry) -> entry.getValue()
					|| !this.properties.downstreams().get(entry.getKey()).requiredForReadiness());
		Health.Builder health = requiredReady ? Health.up() : Health.down();
		ready.forEach((name, up) -> health.withDetail(name, up ? "UP" : "DOWN"));
		return health.build();
	}

}
