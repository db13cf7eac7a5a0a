package com.mindroom.gateway;

import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway behind a trusted proxy (the test client, 127.0.0.1), with all three
 * downstreams up (WireMock) and the rate limits in the local Redis. Each test speaks for
 * client addresses of its own, so buckets left in Redis by earlier runs never interfere.
 * A bucket holds five requests and refills one every ten seconds, so a slow machine
 * cannot refill it within a test.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "mindroom.security.jwt.secret=gateway-tests-secret-0123456789-abcdefghij",
				"MINDROOM_REDIS_URL=redis://127.0.0.1:6379", "MINDROOM_TRUSTED_PROXIES=127.0.0.1/32, ::1",
				"mindroom.gateway.rate-limits.anonymous.replenish-rate=1",
				"mindroom.gateway.rate-limits.anonymous.burst-capacity=50",
				"mindroom.gateway.rate-limits.anonymous.requested-tokens=10", "management.server.port=0" })
class GatewayBehindProxyIntegrationTests {

	static final WireMockServer portal = new WireMockServer(options().dynamicPort());

	static final WireMockServer admin = new WireMockServer(options().dynamicPort());

	static final WireMockServer stripe = new WireMockServer(options().dynamicPort());

	static {
		portal.start();
		admin.start();
		stripe.start();
	}

	@DynamicPropertySource
	static void downstreams(DynamicPropertyRegistry registry) {
		registry.add("mindroom.gateway.downstreams.portal.url", portal::baseUrl);
		registry.add("mindroom.gateway.downstreams.admin.url", admin::baseUrl);
		registry.add("mindroom.gateway.downstreams.stripe-handler.url", stripe::baseUrl);
	}

	@AfterAll
	static void stopDownstreams() {
		portal.stop();
		admin.stop();
		stripe.stop();
	}

	@LocalServerPort
	private int port;

	@Autowired
	private StringRedisTemplate redis;

	private GatewayHttp http;

	@BeforeEach
	void stubDownstreams() {
		this.http = new GatewayHttp(this.port);
		for (WireMockServer server : new WireMockServer[] { portal, admin, stripe }) {
			server.resetAll();
		}
		portal.stubFor(any(anyUrl()).willReturn(aResponse().withBody("portal")));
		admin.stubFor(any(anyUrl()).willReturn(aResponse().withBody("admin")));
		stripe.stubFor(any(anyUrl()).willReturn(aResponse().withBody("stripe-handler")));
	}

	@Test
	void routesEachPathToTheRightService() {
		String client = newClientAddress();
		assertThat(this.http.get("/app/instance", "X-Forwarded-For", client).body()).isEqualTo("portal");
		assertThat(this.http.get("/api/v1/me", "X-Forwarded-For", client).body()).isEqualTo("portal");
		assertThat(this.http.get("/admin", "X-Forwarded-For", client).body()).isEqualTo("admin");
		assertThat(this.http.get("/api/admin/accounts", "X-Forwarded-For", client).body()).isEqualTo("admin");
		assertThat(this.http.post("/webhooks/stripe", "{}", "X-Forwarded-For", client).body())
			.isEqualTo("stripe-handler");
		assertThat(admin.findAll(anyRequestedFor(urlEqualTo("/api/admin/accounts")))).hasSize(1);
	}

	@Test
	void honoursForwardedForAndProtoFromATrustedProxy() {
		String client = newClientAddress();
		this.http.get("/app/whoami", "X-Forwarded-For", "203.0.113.99, " + client, "X-Forwarded-Proto", "https");

		var received = portal.findAll(anyRequestedFor(urlEqualTo("/app/whoami"))).get(0);
		assertThat(received.getHeader("X-Forwarded-For")).isEqualTo(client);
		assertThat(received.getHeader("X-Forwarded-Proto")).isEqualTo("https");
	}

	@Test
	void limitsAnonymousTrafficPerClientAddressInRedis() {
		String client = newClientAddress();
		for (int i = 0; i < 5; i++) {
			assertThat(this.http.get("/app", "X-Forwarded-For", client).statusCode()).isEqualTo(200);
		}
		HttpResponse<String> refused = this.http.get("/app", "X-Forwarded-For", client, "Accept", "text/html");
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).hasValue("10");
		assertThat(refused.body()).contains("<h1>Too Many Requests</h1>");
		assertThat(this.redis.hasKey("request_rate_limiter.{anonymous." + client + "}.tokens")).isTrue();

		assertThat(this.http.get("/app", "X-Forwarded-For", newClientAddress()).statusCode())
			.as("another client has a bucket of its own")
			.isEqualTo(200);
	}

	@Test
	void neverLimitsStripeWebhooksPerAddress() {
		String stripeAddress = newClientAddress();
		for (int i = 0; i < 12; i++) {
			assertThat(this.http.post("/webhooks/stripe", "{}", "X-Forwarded-For", stripeAddress).statusCode())
				.isEqualTo(200);
		}
		assertThat(stripe.findAll(anyRequestedFor(urlEqualTo("/webhooks/stripe")))).hasSize(12);
	}

	// an address in a documentation range (RFC 5737) that no earlier run used
	private static String newClientAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "198.51." + random.nextInt(100, 200) + "." + random.nextInt(1, 255);
	}

}
