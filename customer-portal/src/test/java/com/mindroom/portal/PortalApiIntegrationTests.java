package com.mindroom.portal;

import java.time.Instant;
import java.util.UUID;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import com.mindroom.common.db.TenantTransactions;
import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestDatabase;
import com.mindroom.common.uptime.Uptime;
import com.mindroom.common.uptime.UptimeQueries;
import com.mindroom.portal.PortalClient.Response;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON API {@code /api/v1} with bearer tokens, and checkout against Stripe at the
 * wire (WireMock speaking Stripe's REST API): every endpoint, its problem details for bad
 * input, another account's data, and disabled accounts.
 */
@FreshDatabase
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "mindroom.stripe.secret-key=sk_test_portal", "mindroom.portal.public-url=https://portal.test" })
class PortalApiIntegrationTests {

	@RegisterExtension
	static final WireMockExtension stripe = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	@LocalServerPort
	private int port;

	@Autowired
	private TestDatabase database;

	@Autowired
	private UptimeQueries uptime;

	@Autowired
	private TenantTransactions transactions;

	@DynamicPropertySource
	static void stripeAtTheWire(DynamicPropertyRegistry registry) {
		registry.add("mindroom.stripe.api-base", stripe::baseUrl);
	}

	@BeforeEach
	void stubStripe() {
		stripe.stubFor(post(urlPathEqualTo("/v1/customers")).willReturn(okJson(
				"{\"id\":\"cus_" + UUID.randomUUID().toString().substring(0, 8) + "\",\"object\":\"customer\"}")));
		PortalTestSupport.noCheckoutSessions(stripe);
		stripe.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).willReturn(okJson(
				"{\"id\":\"cs_test_1\",\"object\":\"checkout.session\",\"url\":\"https://checkout.stripe.com/c/pay/cs_test_1\"}")));
		stripe.stubFor(post(urlPathEqualTo("/v1/billing_portal/sessions")).willReturn(okJson(
				"{\"id\":\"bps_1\",\"object\":\"billing_portal.session\",\"url\":\"https://billing.stripe.com/p/session/test_1\"}")));
	}

	private Seeds seeds() {
		return new Seeds(this.database);
	}

	private PortalClient client() {
		return new PortalClient(this.port);
	}

	@Test
	void signUpAndTokenAnswerProblemDetailsForBadInput() {
		Response weak = client().api("POST", "/api/v1/auth/signup", null,
				"{\"email\":\"api+weak@example.com\",\"password\":\"short\"}");
		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.header("Content-Type")).contains("application/problem+json");
		assertThat(PortalTestSupport.json(weak).path("detail").asString()).isEqualTo("Use at least 10 characters.");
		Response invalid = client().api("POST", "/api/v1/auth/signup", null,
				"{\"email\":\"nope\",\"password\":\"a-long-fine-password\"}");
		assertThat(PortalTestSupport.json(invalid).path("detail").asString()).isEqualTo("Enter a valid email address.");
		Response missing = client().api("POST", "/api/v1/auth/signup", null, "{}");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(client().api("POST", "/api/v1/auth/signup", null, "not json").status()).isEqualTo(400);
		Response accepted = client().api("POST", "/api/v1/auth/signup", null,
				"{\"email\":\"api+new@example.com\",\"password\":\"a-long-fine-password\",\"name\":\"Api\"}");
		assertThat(accepted.status()).isEqualTo(202);
		assertThat(PortalTestSupport.json(accepted).path("confirmationRequired").asBoolean()).isTrue();
	}

	@Test
	void passwordGrantReturnsTokensAndRefusesWrongPasswordsAlike() {
		Seeds.Account account = seeds().account("tokens");
		Response wrong = client().api("POST", "/api/v1/auth/token", null,
				"{\"email\":\"" + account.email() + "\",\"password\":\"wrong-password\"}");
		Response unknown = client().api("POST", "/api/v1/auth/token", null,
				"{\"email\":\"nobody@example.com\",\"password\":\"wrong-password\"}");
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(PortalTestSupport.json(wrong).path("detail").asString())
			.isEqualTo(PortalTestSupport.json(unknown).path("detail").asString());
		Response granted = client().api("POST", "/api/v1/auth/token", null, "{\"grant_type\":\"password\",\"email\":\""
				+ account.email() + "\",\"password\":\"" + Seeds.PASSWORD + "\"}");
		JsonNode tokens = PortalTestSupport.json(granted);
		assertThat(tokens.path("token_type").asString()).isEqualTo("bearer");
		assertThat(tokens.path("expires_in").asLong()).isPositive();
		Response refreshed = client().api("POST", "/api/v1/auth/token", null,
				"{\"grant_type\":\"refresh_token\",\"refresh_token\":\"" + tokens.path("refresh_token").asString()
						+ "\"}");
		assertThat(PortalTestSupport.json(refreshed).path("access_token").asString()).isNotBlank();
		assertThat(client().api("POST", "/api/v1/auth/token", null, "{\"grant_type\":\"magic\"}").status())
			.isEqualTo(400);
	}

	@Test
	void everyApiRouteNeedsAValidBearerToken() {
		for (String path : new String[] { "/api/v1/me", "/api/v1/instance", "/api/v1/subscription", "/api/v1/usage",
				"/api/v1/invoices", "/api/v1/export" }) {
			Response response = client().api("GET", path, null, null);
			assertThat(response.status()).as(path).isEqualTo(401);
			assertThat(response.header("Content-Type")).as(path).contains("application/problem+json");
		}
		assertThat(client().api("GET", "/api/v1/me", "not.a.jwt", null).status()).isEqualTo(401);
	}

	@Test
	void meSubscriptionInstanceAndUsageDescribeOnlyTheCaller() {
		Seeds.Account account = seeds().account("reader");
		Seeds.Account other = seeds().account("neighbour");
		String token = PortalTestSupport.token(this.port, account);
		assertThat(client().api("GET", "/api/v1/instance", token, null).status()).isEqualTo(404);
		assertThat(client().api("GET", "/api/v1/subscription", token, null).status()).isEqualTo(404);
		UUID subscription = seeds().data().subscription(account.id(), "active", "starter");
		UUID instance = seeds().data().instance(account.id(), subscription, "reader");
		seeds().data().instance(other.id(), seeds().data().subscription(other.id(), "active", "professional"), "nb");
		seeds().jdbc()
			.sql("insert into mindroom.usage_daily (instance_id, account_id, day, messages, active_agents, storage_bytes) "
					+ "values (?, ?, current_date, 42, 2, 1500000000)")
			.params(instance, account.id())
			.update();
		JsonNode me = PortalTestSupport.json(client().api("GET", "/api/v1/me", token, null));
		assertThat(me.path("email").asString()).isEqualTo(account.email());
		assertThat(PortalTestSupport.json(client().api("GET", "/api/v1/subscription", token, null))
			.path("plan")
			.asString()).isEqualTo("starter");
		UUID neighbour = seeds().jdbc()
			.sql("select id from mindroom.instances where account_id = ?")
			.param(other.id())
			.query(UUID.class)
			.single();
		seeds().jdbc().sql("""
				insert into mindroom.uptime_hourly (instance_id, account_id, hour, checks, up_checks, degraded_checks)
				select id, account_id, date_trunc('hour', now()) - make_interval(hours => ago), 4,
				       case when id = ? then 3 else 1 end, 0
				from mindroom.instances, generate_series(0, 47) ago where id in (?, ?)
				""").params(instance, instance, neighbour).update();
		JsonNode body = PortalTestSupport.json(client().api("GET", "/api/v1/instance", token, null));
		assertThat(body.path("instance").path("id").asString()).isEqualTo(instance.toString());
		assertThat(body.path("uptime").path("last24Hours").asDouble()).isEqualTo(0.75);
		assertThat(body.path("uptime").path("last30Days").asDouble()).isEqualTo(0.75);
		assertThat(this.transactions.asAccount(account.id(), () -> this.uptime.instance(neighbour)))
			.as("another account's uptime under the caller's row-level security")
			.isEqualTo(Uptime.UNKNOWN);
		JsonNode usage = PortalTestSupport.json(client().api("GET", "/api/v1/usage?days=7", token, null));
		assertThat(usage.size()).isEqualTo(7);
		assertThat(usage.get(6).path("messages").asLong()).isEqualTo(42);
		assertThat(client().api("GET", "/api/v1/usage?days=0", token, null).status()).isEqualTo(400);
		assertThat(client().api("GET", "/api/v1/usage?days=abc", token, null).status()).isEqualTo(400);
		assertThat(client().api("GET", "/api/v1/invoices?limit=500", token, null).status()).isEqualTo(400);
	}

	@Test
	void invoicesListTheCallersOwnNewestFirst() {
		Seeds.Account account = seeds().account("invoiced");
		Seeds.Account other = seeds().account("invoiced-other");
		invoice(account.id(), "in_a1", "MR-0001", Instant.parse("2026-01-01T00:00:00Z"));
		invoice(account.id(), "in_a2", "MR-0002", Instant.parse("2026-02-01T00:00:00Z"));
		invoice(other.id(), "in_b1", "MR-9999", Instant.parse("2026-02-01T00:00:00Z"));
		JsonNode invoices = PortalTestSupport
			.json(client().api("GET", "/api/v1/invoices", PortalTestSupport.token(this.port, account), null));
		assertThat(invoices.size()).isEqualTo(2);
		assertThat(invoices.get(0).path("number").asString()).isEqualTo("MR-0002");
		assertThat(invoices.get(0).path("hostedInvoiceUrl").asString()).startsWith("https://invoice.stripe.com/");
	}

	private void invoice(UUID accountId, String id, String number, Instant created) {
		seeds().jdbc()
			.sql("""
					insert into mindroom.invoices (stripe_invoice_id, account_id, number, status, amount_due, amount_paid,
					    currency, hosted_invoice_url, invoice_pdf_url, stripe_created_at)
					values (?, ?, ?, 'paid', 2900, 2900, 'usd', ?, ?, ?)
					""")
			.params(id, accountId, number, "https://invoice.stripe.com/i/" + id,
					"https://pay.stripe.com/invoice/" + id + "/pdf", com.mindroom.common.test.TestData.utc(created))
			.update();
	}

	@Test
	void startAndRestartNeedEntitlementWhileStopIsAlwaysAllowed() {
		Seeds.Account account = seeds().account("entitled");
		UUID subscription = seeds().data().subscription(account.id(), "unpaid", "starter");
		seeds().data().instance(account.id(), subscription, "ent");
		String token = PortalTestSupport.token(this.port, account);
		Response restart = client().api("POST", "/api/v1/instance/restart", token, null);
		assertThat(restart.status()).isEqualTo(402);
		assertThat(PortalTestSupport.json(restart).path("detail").asString()).contains("Payment failed");
		assertThat(client().api("POST", "/api/v1/instance/start", token, null).status()).isEqualTo(402);
		Response stop = client().api("POST", "/api/v1/instance/stop", token, null);
		assertThat(stop.status()).isEqualTo(202);
		assertThat(seeds().count("select count(*) from mindroom.instances where account_id = ? and stopped_by_customer",
				account.id()))
			.isOne();
	}

	@Test
	void restartOfAStoppedInstanceIsAConflict() {
		Seeds.Account account = seeds().account("conflicted");
		seeds().data().instance(account.id(), seeds().data().subscription(account.id(), "active", "starter"), "cf");
		String token = PortalTestSupport.token(this.port, account);
		client().api("POST", "/api/v1/instance/stop", token, null);
		assertThat(client().api("POST", "/api/v1/instance/restart", token, null).status()).isEqualTo(409);
		Response started = client().api("POST", "/api/v1/instance/start", token, null);
		assertThat(started.status()).isEqualTo(202);
		assertThat(PortalTestSupport.json(started).path("instance").path("desiredState").asString())
			.isEqualTo("running");
	}

	@Test
	void checkoutCreatesTheStripeCustomerOnceAndASubscriptionSession() {
		Seeds.Account account = seeds().account("buyer");
		String token = PortalTestSupport.token(this.port, account);
		Response first = client().api("POST", "/api/v1/checkout", token,
				"{\"plan\":\"starter\",\"interval\":\"yearly\"}");
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(PortalTestSupport.json(first).path("url").asString())
			.isEqualTo("https://checkout.stripe.com/c/pay/cs_test_1");
		client().api("POST", "/api/v1/checkout", token, "{\"plan\":\"professional\"}");
		stripe.verify(1, postRequestedFor(urlPathEqualTo("/v1/customers")).withHeader("Idempotency-Key",
				equalTo("mindroom-customer-" + account.id())));
		assertThat(formsSentTo("/v1/customers").get(0)).contains("email=" + account.email(),
				"metadata[account_id]=" + account.id());
		stripe.verify(2, postRequestedFor(urlPathEqualTo("/v1/checkout/sessions")).withHeader("Authorization",
				equalTo("Bearer sk_test_portal")));
		assertThat(formsSentTo("/v1/checkout/sessions").get(0)).contains("mode=subscription",
				"client_reference_id=" + account.id(), "line_items[0][price]=price_starter_yearly",
				"line_items[0][quantity]=1", "subscription_data[metadata][account_id]=" + account.id(),
				"success_url=https://portal.test/app/checkout/success?session_id={CHECKOUT_SESSION_ID}",
				"cancel_url=https://portal.test/app/billing", "customer=cus_");
		assertThat(formsSentTo("/v1/checkout/sessions").get(1))
			.contains("line_items[0][price]=price_professional_monthly");
		assertThat(
				seeds().count("select count(*) from mindroom.accounts where id = ? and stripe_customer_id like 'cus_%'",
						account.id()))
			.isOne();
	}

	@Test
	void checkoutRefusesWhatCannotBeBought() {
		Seeds.Account account = seeds().account("picky");
		String token = PortalTestSupport.token(this.port, account);
		assertProblem(client().api("POST", "/api/v1/checkout", token, "{\"plan\":\"platinum\"}"), 400, "unknown-plan");
		assertProblem(client().api("POST", "/api/v1/checkout", token, "{\"plan\":\"enterprise\"}"), 400,
				"sales-assisted-plan");
		assertProblem(client().api("POST", "/api/v1/checkout", token, "{\"plan\":\"starter\",\"interval\":\"weekly\"}"),
				400, "bad-request");
		assertThat(client().api("POST", "/api/v1/checkout", token, "{}").status()).isEqualTo(400);
		seeds().data().subscription(account.id(), "active", "starter");
		assertProblem(client().api("POST", "/api/v1/checkout", token, "{\"plan\":\"professional\"}"), 409, "conflict");
		stripe.verify(0, postRequestedFor(urlPathEqualTo("/v1/checkout/sessions")));
	}

	@Test
	void freePlanCheckoutStartsAtOnceWithoutStripe() {
		Seeds.Account account = seeds().account("free-api");
		String token = PortalTestSupport.token(this.port, account);
		Response response = client().api("POST", "/api/v1/checkout", token, "{\"plan\":\"free\"}");
		assertThat(PortalTestSupport.json(response).path("url").asString()).isEqualTo("https://portal.test/app");
		assertThat(PortalTestSupport.json(client().api("GET", "/api/v1/instance", token, null))
			.path("instance")
			.path("plan")
			.asString()).isEqualTo("free");
		stripe.verify(0, postRequestedFor(urlPathEqualTo("/v1/customers")));
	}

	@Test
	void billingPortalNeedsAStripeCustomer() {
		Seeds.Account account = seeds().account("portal");
		String token = PortalTestSupport.token(this.port, account);
		assertProblem(client().api("POST", "/api/v1/billing-portal", token, null), 409, "conflict");
		seeds().jdbc()
			.sql("update mindroom.accounts set stripe_customer_id = 'cus_portal1' where id = ?")
			.param(account.id())
			.update();
		Response response = client().api("POST", "/api/v1/billing-portal", token, null);
		assertThat(PortalTestSupport.json(response).path("url").asString())
			.isEqualTo("https://billing.stripe.com/p/session/test_1");
		assertThat(formsSentTo("/v1/billing_portal/sessions")).singleElement()
			.asString()
			.contains("customer=cus_portal1", "return_url=https://portal.test/app/billing");
	}

	@Test
	void stripeFailuresAnswerBadGatewayAndChangeNothing() {
		Seeds.Account account = seeds().account("unlucky");
		stripe.stubFor(post(urlPathEqualTo("/v1/customers"))
			.willReturn(com.github.tomakehurst.wiremock.client.WireMock.serverError()
				.withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"boom\"}}")));
		Response response = client().api("POST", "/api/v1/checkout", PortalTestSupport.token(this.port, account),
				"{\"plan\":\"starter\"}");
		assertProblem(response, 502, "payment-provider-error");
		assertThat(seeds().count("select count(*) from mindroom.accounts where id = ? and stripe_customer_id is null",
				account.id()))
			.isOne();
	}

	@Test
	void exportHoldsTheCallersDataWithoutSecrets() {
		Seeds.Account account = seeds().account("api-export");
		String token = PortalTestSupport.token(this.port, account);
		Response export = client().api("GET", "/api/v1/export", token, null);
		JsonNode body = PortalTestSupport.json(export);
		assertThat(body.path("account").path("email").asString()).isEqualTo(account.email());
		assertThat(body.path("audit_log").size()).isPositive();
		assertThat(export.body()).doesNotContain("password_hash", "$2a$", "refresh");
	}

	@Test
	void deletionIsScheduledOnceAndCanBeCancelled() {
		Seeds.Account account = seeds().account("api-delete");
		String token = PortalTestSupport.token(this.port, account);
		Response scheduled = client().api("POST", "/api/v1/account/deletion", token, null);
		assertThat(scheduled.status()).isEqualTo(202);
		Instant due = Instant.parse(PortalTestSupport.json(scheduled).path("scheduledFor").asString());
		assertThat(due).isBetween(Instant.now().plusSeconds(7 * 86400 - 120),
				Instant.now().plusSeconds(7 * 86400 + 120));
		Response again = client().api("POST", "/api/v1/account/deletion", token, null);
		assertThat(PortalTestSupport.json(again).path("scheduledFor").asString())
			.isEqualTo(PortalTestSupport.json(scheduled).path("scheduledFor").asString());
		assertThat(client().api("DELETE", "/api/v1/account/deletion", token, null).status()).isEqualTo(204);
		assertProblem(client().api("DELETE", "/api/v1/account/deletion", token, null), 409, "conflict");
	}

	@Test
	void suspendedAndDeletedAccountsAreRefusedOnEveryRoute() {
		Seeds.Account account = seeds().account("api-suspended");
		String token = PortalTestSupport.token(this.port, account);
		seeds().jdbc()
			.sql("update mindroom.accounts set status = 'suspended' where id = ?")
			.param(account.id())
			.update();
		for (String path : new String[] { "/api/v1/me", "/api/v1/instance", "/api/v1/export" }) {
			assertProblem(client().api("GET", path, token, null), 403, "account-disabled");
		}
		assertProblem(client().api("POST", "/api/v1/checkout", token, "{\"plan\":\"free\"}"), 403, "account-disabled");
		Response signIn = client().api("POST", "/api/v1/auth/token", null,
				"{\"email\":\"" + account.email() + "\",\"password\":\"" + Seeds.PASSWORD + "\"}");
		assertProblem(signIn, 403, "account-disabled");
	}

	@Test
	void unknownApiPathsAnswerProblemDetails() {
		Seeds.Account account = seeds().account("api-404");
		assertProblem(client().api("GET", "/api/v1/nothing", PortalTestSupport.token(this.port, account), null), 404,
				"not-found");
	}

	@Test
	void openApiDescribesTheApi() {
		Response docs = client().api("GET", "/api/v1/openapi", null, null);
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.body()).contains("/api/v1/auth/token", "/api/v1/instance/start", "/api/v1/checkout",
				"/api/v1/billing-portal", "/api/v1/account/deletion", "/api/v1/usage", "bearer");
		PortalClient browser = client();
		Response ui = browser.get("/api/v1/docs");
		assertThat(ui.status()).isEqualTo(302);
		assertThat(browser.get(ui.location()).body()).as(ui.location()).contains("swagger-ui");
	}

	private static java.util.List<String> formsSentTo(String path) {
		return stripe.findAll(postRequestedFor(urlPathEqualTo(path)))
			.stream()
			.map((request) -> java.net.URLDecoder.decode(request.getBodyAsString(),
					java.nio.charset.StandardCharsets.UTF_8))
			.toList();
	}

	private static void assertProblem(Response response, int status, String slug) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.header("Content-Type")).contains("application/problem+json");
		assertThat(PortalTestSupport.json(response).path("type").asString()).endsWith("/" + slug);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FastHashing {

		@Bean
		PasswordEncoder passwordEncoder() {
			return new BCryptPasswordEncoder(4);
		}

	}

}
