package com.mindroom.gateway.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A downstream is UP only while its readiness endpoint (a real HTTP server) answers 2xx
 * in time, and says why it is DOWN otherwise.
 */
class DownstreamHealthIndicatorTests {

	private static final String PROBE = "/actuator/health/readiness";

	private final WireMockServer downstream = new WireMockServer(options().dynamicPort());

	@BeforeEach
	void start() {
		this.downstream.start();
	}

	@AfterEach
	void stop() {
		this.downstream.stop();
	}

	@Test
	void isUpWhileTheDownstreamAnswersReady() {
		this.downstream.stubFor(get(urlEqualTo(PROBE)).willReturn(aResponse().withStatus(200).withBody("{}")));

		Health health = health(URI.create(this.downstream.baseUrl() + PROBE), Duration.ofSeconds(2));

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("status", 200);
	}

	@Test
	void isDownWithTheStatusWhenTheDownstreamIsNotReady() {
		this.downstream.stubFor(get(urlEqualTo(PROBE)).willReturn(aResponse().withStatus(503)));

		Health health = health(URI.create(this.downstream.baseUrl() + PROBE), Duration.ofSeconds(2));

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("status", 503);
	}

	@Test
	void isDownWhenTheDownstreamIsSlowerThanTheProbeTimeout() {
		this.downstream.stubFor(get(urlEqualTo(PROBE)).willReturn(aResponse().withStatus(200).withFixedDelay(3000)));

		Health health = health(URI.create(this.downstream.baseUrl() + PROBE), Duration.ofMillis(300));

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("error", "TimeoutException");
	}

	@Test
	void isDownWhenNothingListens() {
		Health health = health(URI.create("http://127.0.0.1:" + deadPort() + PROBE), Duration.ofSeconds(2));

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsKey("error");
	}

	private static Health health(URI probe, Duration timeout) {
		return new DownstreamHealthIndicator(WebClient.create(), probe, timeout).health().block();
	}

	private static int deadPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
