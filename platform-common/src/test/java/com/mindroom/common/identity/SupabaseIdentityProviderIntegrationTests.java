package com.mindroom.common.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mindroom.common.db.TenantTransactions;
import com.mindroom.common.identity.IdentityException.Kind;
import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestData;
import com.mindroom.common.test.TestDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Supabase Auth at the wire (WireMock speaking its REST API), with our accounts table on
 * a real PostgreSQL under the portal's role.
 */
@FreshDatabase
class SupabaseIdentityProviderIntegrationTests {

	private final WireMockServer supabase = new WireMockServer(options().dynamicPort());

	private HikariDataSource portal;

	private JdbcClient owner;

	private SupabaseIdentityProvider identity;

	@BeforeEach
	void setUp(TestDatabase database) {
		this.supabase.start();
		this.owner = new TestData(database.dataSource()).jdbc();
		this.portal = database.dataSourceAs("mindroom_portal");
		JdbcClient jdbc = JdbcClient.create(this.portal);
		TenantTransactions transactions = new TenantTransactions(jdbc, new DataSourceTransactionManager(this.portal));
		IdentityProperties properties = new IdentityProperties(this.supabase.baseUrl(), "anon-key", true,
				Duration.ofDays(30), Duration.ofHours(1), Duration.ofDays(2),
				new IdentityProperties.Throttle(Duration.ofMinutes(15), 5, 30, Duration.ofMinutes(15)));
		this.identity = new SupabaseIdentityProvider(RestClient.builder(), properties,
				new AccountDirectory(jdbc, transactions), Clock.systemUTC());
	}

	@AfterEach
	void stop() {
		this.supabase.stop();
		this.portal.close();
	}

	@Test
	void passwordGrantSignsInAndCreatesTheAccountRow() {
		UUID id = UUID.randomUUID();
		this.supabase.stubFor(post(urlPathEqualTo("/auth/v1/token")).withQueryParam("grant_type", equalTo("password"))
			.withHeader("apikey", equalTo("anon-key"))
			.withRequestBody(equalToJson("{\"email\":\"ada@example.com\",\"password\":\"pw-long-enough\"}"))
			.willReturn(okJson(session(id, "ada@example.com"))));
		Session session = this.identity.signIn("ada@example.com", "pw-long-enough");
		assertThat(session.accountId()).isEqualTo(id);
		assertThat(session.accessToken()).isEqualTo("access-" + id);
		assertThat(session.refreshToken()).isEqualTo("refresh-" + id);
		assertThat(this.owner.sql("select email from accounts where id = ?").param(id).query(String.class).single())
			.isEqualTo("ada@example.com");
	}

	@Test
	void translatesSupabaseErrors() {
		this.supabase.stubFor(post(urlPathEqualTo("/auth/v1/token"))
			.withRequestBody(matchingJsonPath("$.email", equalTo("bad@example.com")))
			.willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", "application/json")
				.withBody(
						"{\"code\":400,\"error_code\":\"invalid_credentials\",\"msg\":\"Invalid login credentials\"}")));
		this.supabase.stubFor(post(urlPathEqualTo("/auth/v1/token"))
			.withRequestBody(matchingJsonPath("$.email", equalTo("new@example.com")))
			.willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"code\":400,\"error_code\":\"email_not_confirmed\",\"msg\":\"Email not confirmed\"}")));
		this.supabase.stubFor(post(urlPathEqualTo("/auth/v1/token"))
			.withRequestBody(matchingJsonPath("$.email", equalTo("down@example.com")))
			.willReturn(aResponse().withStatus(503)));
		assertThat(kind(() -> this.identity.signIn("bad@example.com", "whatever-long")))
			.isEqualTo(Kind.INVALID_CREDENTIALS);
		assertThat(kind(() -> this.identity.signIn("new@example.com", "whatever-long")))
			.isEqualTo(Kind.EMAIL_NOT_CONFIRMED);
		assertThat(kind(() -> this.identity.signIn("down@example.com", "whatever-long"))).isEqualTo(Kind.UNAVAILABLE);
	}

	@Test
	void signUpWithConfirmationReturnsNoSession() {
		this.supabase.stubFor(post(urlPathEqualTo("/auth/v1/signup"))
			.withQueryParam("redirect_to", equalTo("https://app.test/auth/confirm"))
			.willReturn(okJson("{\"id\":\"" + UUID.randomUUID() + "\",\"email\":\"grace@example.com\"}")));
		assertThat(this.identity.signUp("grace@example.com", "a long enough password", "Grace",
				"https://app.test/auth/confirm"))
			.isEqualTo(new SignUpOutcome(null, true));
		assertThat(this.owner.sql("select count(*) from accounts where email = 'grace@example.com'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void resetLinkIsVerifiedServerSideThenThePasswordChanges() {
		UUID id = UUID.randomUUID();
		this.supabase.stubFor(post(urlPathEqualTo("/auth/v1/verify"))
			.withRequestBody(equalToJson("{\"type\":\"recovery\",\"token_hash\":\"hash-123\"}"))
			.willReturn(okJson(session(id, "lin@example.com"))));
		this.supabase.stubFor(put(urlPathEqualTo("/auth/v1/user")).willReturn(okJson("{}")));
		Session session = this.identity.resetPassword("hash-123", "my new long password");
		assertThat(session.accountId()).isEqualTo(id);
		this.supabase.verify(putRequestedFor(urlPathEqualTo("/auth/v1/user"))
			.withHeader("Authorization", equalTo("Bearer access-" + id))
			.withRequestBody(equalToJson("{\"password\":\"my new long password\"}")));
		this.supabase.stubFor(post(urlPathEqualTo("/auth/v1/verify"))
			.withRequestBody(matchingJsonPath("$.token_hash", equalTo("used")))
			.willReturn(aResponse().withStatus(403).withBody("{\"error_code\":\"otp_expired\"}")));
		assertThat(kind(() -> this.identity.resetPassword("used", "my new long password")))
			.isEqualTo(Kind.INVALID_TOKEN);
	}

	@Test
	void ourSuspensionWinsOverSupabase() {
		UUID id = UUID.randomUUID();
		this.owner.sql("insert into accounts (id, email, status) values (?, 'sus@example.com', 'suspended')")
			.param(id)
			.update();
		this.supabase
			.stubFor(post(urlPathEqualTo("/auth/v1/token")).willReturn(okJson(session(id, "sus@example.com"))));
		assertThat(kind(() -> this.identity.signIn("sus@example.com", "whatever-long")))
			.isEqualTo(Kind.ACCOUNT_DISABLED);
	}

	@Test
	void recoverAsksSupabaseToSendTheLink() {
		this.supabase.stubFor(post(urlPathEqualTo("/auth/v1/recover")).willReturn(okJson("{}")));
		this.identity.sendPasswordReset(" lin@example.com ", "https://app.test/auth/reset");
		this.supabase.verify(postRequestedFor(urlPathEqualTo("/auth/v1/recover"))
			.withQueryParam("redirect_to", equalTo("https://app.test/auth/reset"))
			.withRequestBody(equalToJson("{\"email\":\"lin@example.com\"}")));
	}

	@Test
	void emailChangeGoesThroughSupabaseAndItsLink() {
		UUID id = UUID.randomUUID();
		this.owner.sql("insert into accounts (id, email) values (?, 'old@example.com')").param(id).update();
		this.supabase.stubFor(put(urlPathEqualTo("/auth/v1/user")).willReturn(okJson("{}")));
		Session session = new Session(id, "old@example.com", "access-" + id, "refresh-" + id,
				java.time.Instant.now().plusSeconds(600));
		this.identity.requestEmailChange(session, " new@example.com ", "https://app.test/auth/email-change");
		this.supabase.verify(putRequestedFor(urlPathEqualTo("/auth/v1/user"))
			.withQueryParam("redirect_to", equalTo("https://app.test/auth/email-change"))
			.withHeader("Authorization", equalTo("Bearer access-" + id))
			.withRequestBody(equalToJson("{\"email\":\"new@example.com\"}")));
		this.supabase.stubFor(post(urlPathEqualTo("/auth/v1/verify"))
			.withRequestBody(equalToJson("{\"type\":\"email_change\",\"token_hash\":\"first-half\"}"))
			.willReturn(okJson(
					"{\"msg\":\"Confirmation link accepted. Please proceed to confirm link sent to the other email\"}")));
		this.supabase.stubFor(post(urlPathEqualTo("/auth/v1/verify"))
			.withRequestBody(equalToJson("{\"type\":\"email_change\",\"token_hash\":\"second-half\"}"))
			.willReturn(okJson(session(id, "new@example.com"))));
		assertThat(this.identity.confirmEmailChange("first-half")).isEmpty();
		assertThat(this.owner.sql("select email from accounts where id = ?").param(id).query(String.class).single())
			.isEqualTo("old@example.com");
		assertThat(this.identity.confirmEmailChange("second-half"))
			.contains(new EmailChange(id, "old@example.com", "new@example.com"));
		assertThat(this.owner.sql("select email from accounts where id = ?").param(id).query(String.class).single())
			.isEqualTo("new@example.com");
	}

	@Test
	void emailChangeToATakenAddressOrWithAnUsedLinkIsRefused() {
		this.supabase.stubFor(put(urlPathEqualTo("/auth/v1/user")).willReturn(aResponse().withStatus(422)
			.withHeader("Content-Type", "application/json")
			.withBody(
					"{\"code\":422,\"error_code\":\"email_exists\",\"msg\":\"A user with this email address has already been registered\"}")));
		Session session = new Session(UUID.randomUUID(), "me@example.com", "access", "refresh",
				java.time.Instant.now().plusSeconds(600));
		IdentityException taken = assertThatExceptionOfType(IdentityException.class)
			.isThrownBy(() -> this.identity.requestEmailChange(session, "taken@example.com", "https://x"))
			.actual();
		assertThat(taken.kind()).isEqualTo(Kind.INVALID_INPUT);
		assertThat(taken.getMessage()).isEqualTo("This email address is already in use.");
		this.supabase.stubFor(post(urlPathEqualTo("/auth/v1/verify"))
			.willReturn(aResponse().withStatus(403).withBody("{\"error_code\":\"otp_expired\"}")));
		assertThat(kind(() -> this.identity.confirmEmailChange("used"))).isEqualTo(Kind.INVALID_TOKEN);
	}

	private static String session(UUID id, String email) {
		return """
				{"access_token":"access-%1$s","token_type":"bearer","expires_in":3600,"expires_at":%3$d,
				 "refresh_token":"refresh-%1$s","user":{"id":"%1$s","email":"%2$s","user_metadata":{"name":"N"}}}
				""".formatted(id, email, java.time.Instant.now().plusSeconds(3600).getEpochSecond());
	}

	private static Kind kind(Runnable action) {
		return assertThatExceptionOfType(IdentityException.class).isThrownBy(action::run).actual().kind();
	}

}
