package com.mindroom.portal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestDatabase;
import com.mindroom.portal.PortalClient.Response;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One checkout at a time per account, against Stripe at the wire: concurrent requests
 * (two browser tabs) are serialised and share one Checkout Session, an open session for
 * another plan is expired, and an account with a subscription, or one whose payment is
 * still activating, is refused.
 */
@FreshDatabase
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "mindroom.stripe.secret-key=sk_test_portal", "mindroom.portal.public-url=https://portal.test" })
@Import(PortalApiIntegrationTests.FastHashing.class)
class PortalCheckoutIntegrationTests {

	@RegisterExtension
	static final WireMockExtension stripe = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	@LocalServerPort
	private int port;

	@Autowired
	private TestDatabase database;

	@DynamicPropertySource
	static void stripeAtTheWire(DynamicPropertyRegistry registry) {
		registry.add("mindroom.stripe.api-base", stripe::baseUrl);
	}

	@BeforeEach
	void resetStripe() {
	}

	@Test
	void concurrentCheckoutsOfOneAccountShareOneSession() throws Exception {
		Seeds.Account account = customer("twotabs", "cus_twotabs");
		String token = PortalTestSupport.token(this.port, account);
		stripe.stubFor(get(urlPathEqualTo("/v1/checkout/sessions")).inScenario("tabs")
			.whenScenarioStateIs(STARTED)
			.willReturn(okJson(PortalTestSupport.checkoutSessions())));
		stripe.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).inScenario("tabs")
			.willSetStateTo("created")
			.willReturn(okJson(session("cs_first", "open", "price_starter_monthly", null)).withFixedDelay(1500)));
		stripe.stubFor(get(urlPathEqualTo("/v1/checkout/sessions")).inScenario("tabs")
			.whenScenarioStateIs("created")
			.willReturn(okJson(
					PortalTestSupport.checkoutSessions(session("cs_first", "open", "price_starter_monthly", null)))));
		ExecutorService tabs = Executors.newFixedThreadPool(2);
		try {
			List<CompletableFuture<Response>> requests = List.of(checkoutIn(tabs, token), checkoutIn(tabs, token));
			for (CompletableFuture<Response> request : requests) {
				Response response = request.get();
				assertThat(response.status()).as(response.body()).isEqualTo(200);
				assertThat(PortalTestSupport.json(response).path("url").asString()).isEqualTo(payUrl("cs_first"));
			}
		}
		finally {
			tabs.shutdown();
		}
		stripe.verify(1, postRequestedFor(urlPathEqualTo("/v1/checkout/sessions")));
		stripe.verify(2, getRequestedFor(urlPathEqualTo("/v1/checkout/sessions")));
	}

	@Test
	void anOpenSessionForAnotherPlanIsExpiredBeforeTheNewOne() {
		Seeds.Account account = customer("changemind", "cus_changemind");
		stripe.stubFor(get(urlPathEqualTo("/v1/checkout/sessions")).willReturn(
				okJson(PortalTestSupport.checkoutSessions(session("cs_old", "open", "price_professional_monthly", null),
						session("cs_gone", "expired", "price_starter_monthly", null)))));
		stripe.stubFor(post(urlPathEqualTo("/v1/checkout/sessions/cs_old/expire"))
			.willReturn(okJson(session("cs_old", "expired", "price_professional_monthly", null))));
		stripe.stubFor(post(urlPathEqualTo("/v1/checkout/sessions"))
			.willReturn(okJson(session("cs_new", "open", "price_starter_monthly", null))));
		Response response = checkout(PortalTestSupport.token(this.port, account));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(PortalTestSupport.json(response).path("url").asString()).isEqualTo(payUrl("cs_new"));
		stripe.verify(1, postRequestedFor(urlPathEqualTo("/v1/checkout/sessions/cs_old/expire")));
		stripe.verify(0, postRequestedFor(urlPathEqualTo("/v1/checkout/sessions/cs_gone/expire")));
		assertThat(URLDecoder.decode(
				stripe.findAll(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))).get(0).getBodyAsString(),
				StandardCharsets.UTF_8))
			.contains("metadata[price]=price_starter_monthly");
	}

	@Test
	void aCompletedCheckoutStillActivatingRefusesAnotherOne() {
		Seeds.Account account = customer("paidjustnow", "cus_paidjustnow");
		stripe.stubFor(get(urlPathEqualTo("/v1/checkout/sessions")).willReturn(okJson(PortalTestSupport
			.checkoutSessions(session("cs_paid", "complete", "price_starter_monthly", "sub_notyetrecorded")))));
		Response response = checkout(PortalTestSupport.token(this.port, account));
		assertThat(response.status()).as(response.body()).isEqualTo(409);
		assertThat(PortalTestSupport.json(response).path("detail").asString()).contains("activating", "Manage billing");
		stripe.verify(0, postRequestedFor(urlPathEqualTo("/v1/checkout/sessions")));
	}

	@Test
	void anEntitledSubscriptionRefusesCheckoutOnPagesAndApi() {
		for (String status : List.of("active", "trialing", "past_due")) {
			Seeds.Account account = customer("subscribed", "cus_" + status);
			seeds().data().subscription(account.id(), status, "starter");
			Response api = checkout(PortalTestSupport.token(this.port, account));
			assertThat(api.status()).as(api.body()).isEqualTo(409);
			assertThat(PortalTestSupport.json(api).path("detail").asString()).contains("Manage billing");
			PortalClient browser = PortalTestSupport.signedIn(this.port, account);
			browser.get("/app/billing");
			Response page = browser.post("/app/billing/checkout", Map.of("plan", "professional"));
			assertThat(page.status()).isEqualTo(302);
			assertThat(browser.get(page.location()).body()).contains("Manage billing", "already have a subscription");
		}
		stripe.verify(0, getRequestedFor(urlPathEqualTo("/v1/checkout/sessions")));
		stripe.verify(0, postRequestedFor(urlPathEqualTo("/v1/checkout/sessions")));
	}

	private Seeds.Account customer(String name, String stripeCustomer) {
		Seeds.Account account = seeds().account(name);
		seeds().jdbc()
			.sql("update mindroom.accounts set stripe_customer_id = ? where id = ?")
			.params(stripeCustomer, account.id())
			.update();
		return account;
	}

	private CompletableFuture<Response> checkoutIn(ExecutorService tabs, String token) {
		return CompletableFuture.supplyAsync(() -> checkout(token), tabs);
	}

	private Response checkout(String token) {
		return new PortalClient(this.port).api("POST", "/api/v1/checkout", token, "{\"plan\":\"starter\"}");
	}

	private Seeds seeds() {
		return new Seeds(this.database);
	}

	private static String session(String id, String status, String price, String subscription) {
		return "{\"id\":\"" + id + "\",\"object\":\"checkout.session\",\"status\":\"" + status + "\",\"created\":"
				+ Instant.now().getEpochSecond() + ",\"url\":\"" + payUrl(id) + "\",\"metadata\":{\"price\":\"" + price
				+ "\"},\"subscription\":" + ((subscription != null) ? "\"" + subscription + "\"" : "null") + "}";
	}

	private static String payUrl(String id) {
		return "https://checkout.stripe.com/c/pay/" + id;
	}

}
