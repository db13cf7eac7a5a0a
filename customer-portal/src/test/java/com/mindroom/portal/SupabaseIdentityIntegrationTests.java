package com.mindroom.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mindroom.common.security.JwtIssuer;
import com.mindroom.common.security.JwtProperties;
import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestDatabase;
import com.mindroom.portal.PortalClient.Response;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.badRequest;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal with Supabase Auth as its identity provider (SUPABASE_URL set), Supabase
 * played at the wire by WireMock: pages and API sign in through it, its tokens are kept
 * server-side and refreshed before they expire, and the rest of the portal does not know
 * which provider runs.
 */
@FreshDatabase
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "mindroom.identity.supabase-anon-key=anon-test-key")
class SupabaseIdentityIntegrationTests {

	private static final String SECRET = "test-secret-test-secret-test-secret-0123456789";

	private static final WireMockServer supabase = new WireMockServer(options().dynamicPort());

	static {
		supabase.start();
	}

	private final JwtIssuer issuer = new JwtIssuer(
			new JwtProperties(null, SECRET, null, "authenticated", Duration.ofHours(1)), Clock.systemUTC());

	@LocalServerPort
	private int port;

	@Autowired
	private TestDatabase database;

	@DynamicPropertySource
	static void supabaseAtTheWire(DynamicPropertyRegistry registry) {
		registry.add("mindroom.identity.supabase-url", supabase::baseUrl);
	}

	@AfterAll
	static void stopSupabase() {
		supabase.stop();
	}

	@BeforeEach
	void reset() {
		supabase.resetAll();
	}

	private String session(UUID id, String email, long expiresIn, String refreshToken) {
		return """
				{"access_token":"%s","token_type":"bearer","expires_in":%d,"expires_at":%d,"refresh_token":"%s",
				 "user":{"id":"%s","email":"%s","user_metadata":{"name":"Supa Base"}}}
				""".formatted(this.issuer.issue(id, email).value(), expiresIn,
				Instant.now().getEpochSecond() + expiresIn, refreshToken, id, email);
	}

	@Test
	void pageSignInGoesThroughSupabaseAndCreatesTheAccountRow() {
		UUID id = UUID.randomUUID();
		String email = "supa+" + id.toString().substring(0, 6) + "@example.com";
		supabase.stubFor(post(urlPathEqualTo("/auth/v1/token")).withQueryParam("grant_type", equalTo("password"))
			.withHeader("apikey", equalTo("anon-test-key"))
			.willReturn(okJson(session(id, email, 3600, "refresh-1"))));
		PortalClient client = new PortalClient(this.port);
		client.get("/auth/login");
		Response response = client.post("/auth/login", Map.of("email", email, "password", "whatever-it-is"));
		assertThat(response.location()).isEqualTo("/app");
		assertThat(client.get("/app").body()).contains("Welcome, Supa Base");
		assertThat(new Seeds(this.database).count("select count(*) from mindroom.accounts where id = ?", id)).isOne();
	}

	@Test
	void theSessionRefreshesItsTokensBeforeTheyExpire() {
		UUID id = UUID.randomUUID();
		String email = "fresh+" + id.toString().substring(0, 6) + "@example.com";
		supabase.stubFor(post(urlPathEqualTo("/auth/v1/token")).withQueryParam("grant_type", equalTo("password"))
			.willReturn(okJson(session(id, email, 60, "refresh-old"))));
		supabase.stubFor(post(urlPathEqualTo("/auth/v1/token")).withQueryParam("grant_type", equalTo("refresh_token"))
			.willReturn(okJson(session(id, email, 3600, "refresh-new"))));
		PortalClient client = new PortalClient(this.port);
		client.get("/auth/login");
		client.post("/auth/login", Map.of("email", email, "password", "whatever-it-is"));
		assertThat(client.get("/app").status()).isEqualTo(200);
		assertThat(client.get("/app").status()).isEqualTo(200);
		supabase.verify(1,
				postRequestedFor(urlPathEqualTo("/auth/v1/token"))
					.withQueryParam("grant_type", equalTo("refresh_token"))
					.withRequestBody(equalTo("{\"refresh_token\":\"refresh-old\"}")));
	}

	@Test
	void aRevokedSupabaseSessionEndsTheBrowserSessionOnceItsTokenExpired() {
		UUID id = UUID.randomUUID();
		String email = "revoked+" + id.toString().substring(0, 6) + "@example.com";
		supabase.stubFor(post(urlPathEqualTo("/auth/v1/token")).withQueryParam("grant_type", equalTo("password"))
			.willReturn(okJson(session(id, email, -5, "refresh-revoked"))));
		supabase.stubFor(post(urlPathEqualTo("/auth/v1/token")).withQueryParam("grant_type", equalTo("refresh_token"))
			.willReturn(com.github.tomakehurst.wiremock.client.WireMock.badRequest()
				.withBody("{\"error_code\":\"refresh_token_not_found\"}")));
		PortalClient client = new PortalClient(this.port);
		client.get("/auth/login");
		client.post("/auth/login", Map.of("email", email, "password", "whatever-it-is"));
		assertThat(client.get("/app").location()).isEqualTo("/auth/login?ended");
	}

	@Test
	void apiTokensComeFromSupabaseAndAreVerifiedLocally() {
		UUID id = UUID.randomUUID();
		String email = "api+" + id.toString().substring(0, 6) + "@example.com";
		supabase.stubFor(post(urlPathEqualTo("/auth/v1/token")).withQueryParam("grant_type", equalTo("password"))
			.willReturn(okJson(session(id, email, 3600, "refresh-api"))));
		Response token = new PortalClient(this.port).api("POST", "/api/v1/auth/token", null,
				"{\"email\":\"" + email + "\",\"password\":\"whatever-it-is\"}");
		String access = PortalTestSupport.json(token).path("access_token").asString();
		Response me = new PortalClient(this.port).api("GET", "/api/v1/me", access, null);
		assertThat(PortalTestSupport.json(me).path("id").asString()).isEqualTo(id.toString());
	}

	@Test
	void emailChangeUsesSupabasesOwnConfirmation() {
		UUID id = UUID.randomUUID();
		String email = "mover+" + id.toString().substring(0, 6) + "@example.com";
		String newEmail = "moved+" + id.toString().substring(0, 6) + "@example.com";
		supabase.stubFor(post(urlPathEqualTo("/auth/v1/token")).withQueryParam("grant_type", equalTo("password"))
			.withRequestBody(matchingJsonPath("$.password", equalTo("the-right-password")))
			.willReturn(okJson(session(id, email, 3600, "refresh-mover"))));
		supabase.stubFor(post(urlPathEqualTo("/auth/v1/token")).withQueryParam("grant_type", equalTo("password"))
			.withRequestBody(matchingJsonPath("$.password", equalTo("a-wrong-password")))
			.willReturn(badRequest().withBody("{\"error_code\":\"invalid_credentials\"}")));
		supabase.stubFor(put(urlPathEqualTo("/auth/v1/user")).willReturn(okJson("{}")));
		PortalClient client = new PortalClient(this.port);
		client.get("/auth/login");
		client.post("/auth/login", Map.of("email", email, "password", "the-right-password"));
		client.get("/app/settings");
		client.post("/app/settings/email", Map.of("email", newEmail, "current", "a-wrong-password"));
		assertThat(client.get("/app/settings").body()).contains("Your current password is not correct.");
		supabase.verify(0, putRequestedFor(urlPathEqualTo("/auth/v1/user")));
		client.post("/app/settings/email", Map.of("email", newEmail, "current", "the-right-password"));
		assertThat(client.get("/app/settings").body()).contains("We sent a confirmation link to " + newEmail);
		supabase.verify(1,
				putRequestedFor(urlPathEqualTo("/auth/v1/user"))
					.withQueryParam("redirect_to", matching("https?://.+/auth/email-change"))
					.withRequestBody(equalToJson("{\"email\":\"" + newEmail + "\"}")));
		Seeds seeds = new Seeds(this.database);
		assertThat(seeds.count("select count(*) from mindroom.accounts where id = ? and email = ?", id, email)).isOne();
		assertThat(seeds.count("select count(*) from mindroom.notification_outbox where recipient = ? "
				+ "and template = 'email_change_requested'", email))
			.isOne();
		supabase.stubFor(post(urlPathEqualTo("/auth/v1/verify"))
			.withRequestBody(equalToJson("{\"type\":\"email_change\",\"token_hash\":\"hash-of-the-link\"}"))
			.willReturn(okJson(session(id, newEmail, 3600, "refresh-moved"))));
		PortalClient mail = new PortalClient(this.port);
		assertThat(mail.get("/auth/email-change?token_hash=hash-of-the-link").body()).contains("hash-of-the-link");
		assertThat(mail.post("/auth/email-change", Map.of("token", "hash-of-the-link")).body())
			.contains("Your email address is now", newEmail);
		assertThat(seeds.count("select count(*) from mindroom.accounts where id = ? and email = ?", id, newEmail))
			.isOne();
		assertThat(seeds.count("select count(*) from mindroom.audit_log where account_id = ? "
				+ "and action = 'account.email_changed' and detail ->> 'previous_email' = ? "
				+ "and detail ->> 'stripe_customer_update' = 'no_stripe_customer'", id, email))
			.isOne();
		assertThat(seeds.count("select count(*) from mindroom.jobs where requested_by = ?", id)).isZero();
	}

	@Test
	void signUpWithConfirmationAndAnUnavailableSupabaseAnswerPlainly() {
		supabase.stubFor(post(urlPathEqualTo("/auth/v1/signup"))
			.willReturn(okJson("{\"id\":\"" + UUID.randomUUID() + "\",\"email\":\"x@example.com\"}")));
		PortalClient client = new PortalClient(this.port);
		client.get("/auth/signup");
		Response signUp = client.post("/auth/signup",
				Map.of("email", "x@example.com", "password", "a-long-fine-password", "terms", "true"));
		assertThat(signUp.body()).contains("Check your inbox");
		supabase.stubFor(post(urlPathEqualTo("/auth/v1/token")).willReturn(serverError()));
		Response down = client.post("/auth/login", Map.of("email", "x@example.com", "password", "whatever-it-is"));
		assertThat(down.body()).contains("Sign-in is temporarily unavailable");
		Response api = client.api("POST", "/api/v1/auth/token", null,
				"{\"email\":\"x@example.com\",\"password\":\"whatever-it-is\"}");
		assertThat(api.status()).isEqualTo(503);
	}

}
