package com.mindroom.gateway.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

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
 * Readiness follows the downstreams: down when a required one is not ready, up (with the
 * others' state in the details) otherwise.
 */
class DownstreamsHealthIndicatorTests {

	private final WireMockServer ready = new WireMockServer(options().dynamicPort());

	private final WireMockServer unready = new WireMockServer(options().dynamicPort());

	@BeforeEach
	void start() {
		this.ready.start();
		this.unready.start();
		this.ready.stubFor(get(urlEqualTo("/actuator/health/readiness")).willReturn(aResponse().withStatus(200)));
		this.unready.stubFor(get(urlEqualTo("/actuator/health/readiness")).willReturn(aResponse().withStatus(503)));
	}

	@AfterEach
	void stop() {
		this.ready.stop();
		this.unready.stop();
	}

	@Test
	void isDownWhenARequiredDownstreamIsNotReady() {
		Health health = health(
				Map.of("portal", downstream(this.unready, true), "admin", downstream(this.ready, false)));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("portal", "DOWN").containsEntry("admin", "UP");
	}

	@Test
	void staysUpWhileOnlyOptionalDownstreamsAreDownAndSaysWhich() {
		Map<String, DownstreamProperties.Downstream> downstreams = new LinkedHashMap<>();
		downstreams.put("portal", downstream(this.ready, true));
		downstreams.put("admin", downstream(this.unready, false));
		downstreams.put("stripe-handler",
				new DownstreamProperties.Downstream(URI.create("http://127.0.0.1:" + deadPort()), false));
		Health health = health(downstreams);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("portal", "UP")
			.containsEntry("admin", "DOWN")
			.containsEntry("stripe-handler", "DOWN");
	}

	private static Health health(Map<String, DownstreamProperties.Downstream> downstreams) {
		DownstreamProperties properties = new DownstreamProperties(downstreams, "/actuator/health/readiness",
				Duration.ofSeconds(2));
		return new DownstreamsHealthIndicator(properties, WebClient.create()).health().block();
	}

	private static DownstreamProperties.Downstream downstream(WireMockServer server, boolean required) {
		return new DownstreamProperties.Downstream(URI.create(server.baseUrl()), required);
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
