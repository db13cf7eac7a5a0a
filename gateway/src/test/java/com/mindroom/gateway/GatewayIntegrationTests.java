package com.mindroom.gateway;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.JsonPath;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.mindroom.common.security.JwtIssuer;
import com.mindroom.common.security.JwtProperties;
import com.mindroom.common.test.FreshDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway in front of real downstream HTTP servers (WireMock): the portal and the
 * Stripe handler answer, the admin dashboard is down. Rate limits are in memory, and the
 * test client (127.0.0.1) is not a trusted proxy. A breaker opens only when nine calls in
 * ten fail, so the portal's deliberate failures (a slow page, a reset connection) never
 * open its circuit whatever order the tests run in. The gateway's actuator is on a
 * management port of its own.
 */
@FreshDatabase
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "mindroom.security.jwt.secret=" + GatewayIntegrationTests.JWT_SECRET,
				"mindroom.gateway.rate-limits.anonymous.replenish-rate=1",
				"mindroom.gateway.rate-limits.anonymous.burst-capacity=1000",
				"mindroom.gateway.rate-limits.account.replenish-rate=1",
				"mindroom.gateway.rate-limits.account.burst-capacity=50",
				"mindroom.gateway.rate-limits.account.requested-tokens=10", "mindroom.gateway.timeouts.portal=1000",
				"mindroom.gateway.circuit-breaker.minimum-number-of-calls=4",
				"mindroom.gateway.circuit-breaker.failure-rate-threshold=90",
				"mindroom.gateway.circuit-breaker.sliding-window-size=10",
				"mindroom.gateway.circuit-breaker.wait-in-open-state=30s", "management.server.port=0" })
class GatewayIntegrationTests {

	static final String JWT_SECRET = "gateway-tests-secret-0123456789-abcdefghij";

	static final WireMockServer portal = new WireMockServer(options().dynamicPort());

	static final WireMockServer stripe = new WireMockServer(options().dynamicPort());

	static {
		portal.start();
		stripe.start();
	}

	@DynamicPropertySource
	static void downstreams(DynamicPropertyRegistry registry) {
		registry.add("mindroom.gateway.downstreams.portal.url", portal::baseUrl);
		registry.add("mindroom.gateway.downstreams.admin.url", () -> "http://127.0.0.1:" + GatewayHttp.deadPort());
		registry.add("mindroom.gateway.downstreams.stripe-handler.url", stripe::baseUrl);
	}

	@AfterAll
	static void stopDownstreams() {
		portal.stop();
		stripe.stop();
	}

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Autowired
	private ReactiveResilience4JCircuitBreakerFactory circuitBreakers;

	@Autowired
	private JdbcClient jdbc;

	private GatewayHttp http;

	private GatewayHttp management;

	@BeforeEach
	void stubDownstreams() {
		this.http = new GatewayHttp(this.port);
		this.management = new GatewayHttp(this.managementPort);
		portal.resetAll();
		stripe.resetAll();
		portal.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("portal")));
		portal.stubFor(get(urlEqualTo("/app/slow")).willReturn(aResponse().withFixedDelay(5000).withBody("late")));
		stripe.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("stripe-handler")));
	}

	@Test
	void routesPortalPathsAndStripeWebhooksToTheirServices() {
		for (String path : new String[] { "/", "/app/instance", "/auth/login", "/api/v1/plans",
				"/webjars/htmx.org/dist/htmx.min.js", "/favicon.ico" }) {
			HttpResponse<String> response = this.http.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(response.body()).as(path).isEqualTo("portal");
		}
		assertThat(this.http.post("/webhooks/stripe", "{}").body()).isEqualTo("stripe-handler");
		assertThat(stripe.findAll(anyRequestedFor(urlEqualTo("/webhooks/stripe")))).hasSize(1);
	}

	@Test
	void neverRoutesActuatorInternalOrProvisionerPaths() {
		for (String path : new String[] { "/actuator/env", "/internal/jobs", "/provisioner/instances",
				"/api/internal/x", "/webhooks/other" }) {
			HttpResponse<String> response = this.http.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
		}
		for (String path : new String[] { "/app/../actuator/env", "/api/v1/%2e%2e/actuator/env",
				"/app/..%2Finternal/jobs", "/app;x=1/../actuator/env", "/app/%252e%252e/actuator" }) {
			assertThat(this.http.get(path).statusCode()).as(path).isEqualTo(400);
		}
		assertThat(this.http.get("/webhooks/stripe").statusCode()).isEqualTo(404);
		assertThat(portal.findAll(anyRequestedFor(urlMatching(".*(env|internal|provisioner).*")))).isEmpty();
		assertThat(stripe.getAllServeEvents()).isEmpty();
	}

	@Test
	void answersUnroutedPathsWithAPageForBrowsers() {
		HttpResponse<String> response = this.http.get("/nowhere", "Accept", "text/html,application/xhtml+xml");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(response.body()).contains("<h1>Not Found</h1>").doesNotContain("Exception");
	}

	@Test
	void setsSecurityHeadersOnRoutedAndOwnResponses() {
		for (HttpResponse<String> response : new HttpResponse[] { this.http.get("/app"), this.http.get("/nowhere") }) {
			assertThat(response.headers().firstValue("Strict-Transport-Security"))
				.hasValue("max-age=31536000; includeSubDomains");
			assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
			assertThat(response.headers().firstValue("Content-Security-Policy"))
				.hasValueSatisfying((csp) -> assertThat(csp)
					.contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'",
							"form-action 'self' https://checkout.stripe.com https://billing.stripe.com;")
					.doesNotContain("unsafe-inline"));
		}
	}

	@Test
	void stripsImpersonationHeadersAndIgnoresForwardedForFromAnUntrustedPeer() {
		this.http.get("/app/headers", "X-Account-Id", "00000000-0000-0000-0000-000000000001", "X-Forwarded-User",
				"admin@mindroom.chat", "X-Auth-Request-Email", "admin@mindroom.chat", "X-Real-IP", "6.6.6.6",
				"X-Forwarded-For", "6.6.6.6", "X-Forwarded-Proto", "https", "X-Request-Id", "req-0123456789");

		LoggedRequest received = portal.findAll(anyRequestedFor(urlEqualTo("/app/headers"))).get(0);
		assertThat(received.containsHeader("X-Account-Id")).isFalse();
		assertThat(received.containsHeader("X-Forwarded-User")).isFalse();
		assertThat(received.containsHeader("X-Auth-Request-Email")).isFalse();
		assertThat(received.containsHeader("X-Real-IP")).isFalse();
		assertThat(received.getHeader("X-Forwarded-For")).isEqualTo("127.0.0.1");
		assertThat(received.getHeader("X-Forwarded-Proto")).isEqualTo("http");
		assertThat(received.getHeader("X-Request-Id")).isEqualTo("req-0123456789");
	}

	@Test
	void generatesARequestIdAndPassesItOnAndBack() {
		HttpResponse<String> response = this.http.get("/app/request-id", "X-Request-Id", "bad id\twith spaces");
		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(requestId).matches("[0-9a-f-]{36}");
		assertThat(portal.findAll(anyRequestedFor(urlEqualTo("/app/request-id"))).get(0).getHeader("X-Request-Id"))
			.isEqualTo(requestId);
	}

	@Test
	void refusesAnOversizeBodyWith413BeforeItReachesTheService() {
		String body = "x".repeat(600 * 1024);
		HttpResponse<String> declared = this.http.post("/webhooks/stripe", body);
		assertThat(declared.statusCode()).isEqualTo(413);
		assertThat(declared.body()).contains("payload-too-large");

		HttpResponse<String> streamed = this.http.send(this.http.request("/webhooks/stripe")
			.POST(HttpRequest.BodyPublishers
				.ofInputStream(() -> new java.io.ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))));
		assertThat(streamed.statusCode()).isEqualTo(413);
		assertThat(this.http.post("/webhooks/stripe", "x".repeat(500 * 1024)).statusCode()).isEqualTo(200);
	}

	@Test
	void answers503WithRetryAfterWhenAServiceIsDownAndOpensItsCircuit() {
		HttpResponse<String> api = this.http.get("/api/admin/accounts", "Accept", "application/json");
		assertThat(api.statusCode()).isEqualTo(503);
		assertThat(api.headers().firstValue("Retry-After")).hasValue("30");
		assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(api.body()).contains("\"status\":503", "https://mindroom.chat/problems/unavailable");

		HttpResponse<String> page = this.http.get("/admin/accounts", "Accept", "text/html");
		assertThat(page.statusCode()).isEqualTo(503);
		assertThat(page.body()).contains("<h1>Service Unavailable</h1>", "briefly unavailable");

		IntStream.range(0, 4).forEach((i) -> this.http.post("/api/admin/accounts", "{}"));
		CircuitBreaker admin = this.circuitBreakers.getCircuitBreakerRegistry().circuitBreaker("admin");
		assertThat(admin.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(this.http.get("/api/admin/accounts").statusCode()).isEqualTo(503);
		assertThat(this.circuitBreakers.getCircuitBreakerRegistry().circuitBreaker("portal").getState())
			.isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void retriesAFailedGetButNeverAPost() {
		portal.stubFor(get(urlEqualTo("/app/flaky")).inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
			.willSetStateTo("recovered"));
		portal.stubFor(get(urlEqualTo("/app/flaky")).inScenario("flaky")
			.whenScenarioStateIs("recovered")
			.willReturn(aResponse().withBody("recovered")));
		portal
			.stubFor(post(urlEqualTo("/app/flaky")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		assertThat(this.http.get("/app/flaky").body()).isEqualTo("recovered");
		assertThat(portal.findAll(getRequestedFor(urlEqualTo("/app/flaky")))).hasSize(2);
		HttpResponse<String> post = this.http.post("/app/flaky", "name=x", "Accept", "application/json");
		assertThat(post.statusCode()).isEqualTo(502);
		assertThat(post.body()).contains("bad-gateway");
		assertThat(portal.findAll(postRequestedFor(urlEqualTo("/app/flaky")))).hasSize(1);
	}

	@Test
	void oversizeBodiesNeverOpenTheServicesCircuit() {
		String body = "x".repeat(600 * 1024);
		for (int i = 0; i < 6; i++) {
			assertThat(this.http.post("/webhooks/stripe", body).statusCode()).isEqualTo(413);
		}
		assertThat(this.circuitBreakers.getCircuitBreakerRegistry().circuitBreaker("stripe-handler").getState())
			.isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void answers504WhenTheServiceIsSlowerThanTheRouteTimeout() {
		HttpResponse<String> response = this.http.get("/app/slow", "Accept", "application/json");
		assertThat(response.statusCode()).isEqualTo(504);
		assertThat(response.body()).contains("gateway-timeout");
		assertThat(portal.findAll(anyRequestedFor(urlEqualTo("/app/slow")))).hasSize(1);
	}

	@Test
	void limitsSignInAttemptsPerAddressWith429AndRetryAfter() {
		for (int i = 0; i < 5; i++) {
			assertThat(this.http.post("/auth/login", "email=a%40b.c").statusCode()).isEqualTo(200);
		}
		HttpResponse<String> refused = this.http.post("/auth/login", "email=a%40b.c");
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).hasValue("12");
		assertThat(refused.body()).contains("too-many-requests");
		assertThat(this.http.get("/auth/login").statusCode()).isEqualTo(200);
	}

	@Test
	void limitsSignedInTrafficPerAccountFromAValidToken() {
		String token = tokenFor(UUID.randomUUID());
		for (int i = 0; i < 5; i++) {
			assertThat(this.http.get("/api/v1/instances", "Authorization", "Bearer " + token).statusCode())
				.isEqualTo(200);
		}
		assertThat(this.http.get("/api/v1/instances", "Authorization", "Bearer " + token).statusCode()).isEqualTo(429);
		assertThat(this.http.get("/api/v1/instances", "Authorization", "Bearer " + tokenFor(UUID.randomUUID()))
			.statusCode()).isEqualTo(200);
		for (int i = 0; i < 8; i++) {
			assertThat(this.http.get("/api/v1/instances", "Authorization", "Bearer not-a-valid-token").statusCode())
				.as("an invalid token counts as anonymous")
				.isEqualTo(200);
		}
	}

	@Test
	void limitsSignedInTrafficPerAccountFromASession() {
		String cookie = "SESSION=" + session("spring_session", "customer");
		for (int i = 0; i < 5; i++) {
			assertThat(this.http.get("/app", "Cookie", cookie).statusCode()).isEqualTo(200);
		}
		assertThat(this.http.get("/app", "Cookie", cookie).statusCode()).isEqualTo(429);
		String unknown = "SESSION="
				+ Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
		for (int i = 0; i < 8; i++) {
			assertThat(this.http.get("/app", "Cookie", unknown).statusCode()).isEqualTo(200);
		}
	}

	@Test
	void limitsAdminTrafficPerAccountFromTheAdminSession() {
		// the admin dashboard is down in this test; the limit is the same on every route
		String admin = "MINDROOM_ADMIN_SESSION=" + session("admin_spring_session", "admin");
		for (int i = 0; i < 5; i++) {
			assertThat(this.http.get("/app", "Cookie", admin).statusCode()).isEqualTo(200);
		}
		assertThat(this.http.get("/app", "Cookie", admin).statusCode()).isEqualTo(429);
		String other = "MINDROOM_ADMIN_SESSION=" + session("admin_spring_session", "admin");
		assertThat(this.http.get("/app", "Cookie", other).statusCode()).as("another admin has a bucket of their own")
			.isEqualTo(200);
	}

	/**
	 * A signed-in Spring Session row in the table; its cookie value as Spring Session
	 * writes it (Base64).
	 */
	private String session(String table, String principalPrefix) {
		String sessionId = UUID.randomUUID().toString();
		this.jdbc.sql("insert into " + table + """
				 (primary_id, session_id, creation_time, last_access_time,
					max_inactive_interval, expiry_time, principal_name)
				values (:primary, :session, 0, 0, 1800, :expiry, :principal)""")
			.param("primary", UUID.randomUUID().toString())
			.param("session", sessionId)
			.param("expiry", System.currentTimeMillis() + 3_600_000)
			.param("principal", principalPrefix + "-" + sessionId)
			.update();
		return Base64.getEncoder().encodeToString(sessionId.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void logsEachRequestWithItsIdAndWithoutQueryTokens(CapturedOutput output) {
		this.http.get("/app/search?page=2&access_token=s3cr3t-value&code=abc987", "X-Request-Id", "log-test-42424242");
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(
					() -> assertThat(output.getOut()).contains("GET /app/search?page=2&access_token=***&code=*** 200"));
		assertThat(output.getOut()).contains("[log-test-42424242]")
			.doesNotContain("s3cr3t-value")
			.doesNotContain("abc987");
	}

	@Test
	void servesItsActuatorOnlyOnTheManagementPort() {
		assertThat(this.managementPort).isNotEqualTo(this.port);
		for (String path : new String[] { "/actuator", "/actuator/health", "/actuator/health/liveness",
				"/actuator/health/readiness", "/actuator/prometheus", "/actuator/info" }) {
			HttpResponse<String> response = this.http.get(path, "Accept", "application/json");
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(response.body()).as(path).doesNotContain("\"status\":\"UP\"").doesNotContain("jvm_");
		}
		assertThat(portal.getAllServeEvents()).as("nothing under /actuator reaches a downstream").isEmpty();

		assertThat(this.management.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(this.management.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
		this.http.get("/app/metrics-probe");
		assertThat(this.management.get("/actuator/prometheus").body())
			.contains("spring_cloud_gateway_requests_seconds_count")
			.contains("routeId=\"portal\"")
			.contains("application=\"gateway\"")
			.as("each proxied call is timed once, by the route metric")
			.doesNotContain("http_client_requests_seconds");
	}

	@Test
	void isReadyWhileThePortalIsAndReportsTheOtherDownstreams() {
		HttpResponse<String> readiness = this.management.get("/actuator/health/readiness");
		assertThat(readiness.statusCode()).as("the admin dashboard is down, the gateway stays in rotation")
			.isEqualTo(200);
		Map<String, Object> required = JsonPath.read(readiness.body(), "$.components.downstreams.components");
		assertThat(required).containsOnlyKeys("portal");
		assertThat(JsonPath.<String>read(readiness.body(), "$.components.downstreams.components.portal.status"))
			.isEqualTo("UP");

		String health = this.management.get("/actuator/health").body();
		assertThat(JsonPath.<Map<String, Object>>read(health, "$.components.downstreams.components"))
			.containsOnlyKeys("portal", "admin", "stripe-handler");
		assertThat(JsonPath.<String>read(health, "$.components.downstreams.components.portal.status")).isEqualTo("UP");
		assertThat(JsonPath.<String>read(health, "$.components.downstreams.components['stripe-handler'].status"))
			.isEqualTo("UP");
		assertThat(JsonPath.<String>read(health, "$.components.downstreams.components.admin.status")).isEqualTo("DOWN");
		assertThat(JsonPath.<String>read(health, "$.components.downstreams.components.admin.details.error"))
			.isNotBlank();
		assertThat(JsonPath.<Map<String, Object>>read(health, "$.components")).containsKey("db")
			.as("Redis never decides the gateway's health")
			.doesNotContainKey("redis");

		portal.stubFor(get(urlEqualTo("/actuator/health/readiness")).willReturn(aResponse().withStatus(503)));
		HttpResponse<String> unready = this.management.get("/actuator/health/readiness");
		assertThat(unready.statusCode()).as("without the portal the gateway leaves rotation").isEqualTo(503);
		assertThat(JsonPath.<Integer>read(unready.body(), "$.components.downstreams.components.portal.details.status"))
			.isEqualTo(503);
		assertThat(this.management.get("/actuator/health/liveness").statusCode()).as("but it is alive").isEqualTo(200);
	}

	private static String tokenFor(UUID account) {
		JwtProperties properties = new JwtProperties(null, JWT_SECRET, null, "authenticated", Duration.ofHours(1));
		return new JwtIssuer(properties, Clock.systemUTC()).issue(account, "someone@example.com").value();
	}

}
