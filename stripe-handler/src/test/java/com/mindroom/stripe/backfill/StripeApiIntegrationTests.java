package com.mindroom.stripe.backfill;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.node.ObjectNode;

import com.mindroom.common.job.JobQueue;
import com.mindroom.common.job.StripeJobs;
import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestData;
import com.mindroom.common.test.TestDatabase;
import com.mindroom.stripe.test.StripeFixtures;
import com.mindroom.stripe.test.WebhookSender;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.mindroom.stripe.test.StripeFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With a Stripe secret key the handler talks to the Stripe API (here WireMock at the
 * configured API base): it applies a subscription's current state rather than the event's
 * snapshot, backfills missed events and resyncs drifted subscriptions across pages,
 * slowing down when Stripe answers 429, and runs the admin's queued jobs as soon as they
 * are queued.
 */
@FreshDatabase
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "mindroom.stripe.secret-key=sk_test_wiremock", "mindroom.stripe.webhook-secrets=whsec_test_api",
				"mindroom.stripe-handler.scheduling.enabled=false", "mindroom.stripe-handler.api.retry-backoff=20ms",
				"mindroom.stripe-handler.jobs.poll-interval=1h" })
class StripeApiIntegrationTests {

	@RegisterExtension
	static final WireMockExtension stripeApi = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private static final String STARTER = "price_starter_monthly";

	@Autowired
	private TestDatabase database;

	@Autowired
	private EventBackfill backfill;

	@Autowired
	private SubscriptionResync resync;

	@Autowired
	private JobQueue jobs;

	@LocalServerPort
	private int port;

	private JdbcClient db;

	private TestData data;

	private String customer;

	private UUID account;

	@DynamicPropertySource
	static void stripeApiBase(DynamicPropertyRegistry registry) {
		registry.add("mindroom.stripe.api-base", stripeApi::baseUrl);
	}

	@BeforeEach
	void setUp() {
		this.data = new TestData(this.database.dataSource());
		this.db = this.data.jdbc();
		this.account = this.data.account("api");
		this.customer = id("cus");
		this.db.sql("update mindroom.accounts set stripe_customer_id = ? where id = ?")
			.params(this.customer, this.account)
			.update();
		stripeApi.stubFor(get(urlPathMatching("/v1/subscriptions/sub_.*")).atPriority(10)
			.willReturn(aResponse().withStatus(404)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\"}}")));
	}

	@Test
	void appliesTheSubscriptionsCurrentStateRatherThanTheEventsSnapshot() {
		String subscription = id("sub");
		stubSubscription(subscription, "active");
		String event = StripeFixtures.event(id("evt"), "customer.subscription.updated", Instant.now(),
				subscription(subscription, "past_due"));
		HttpResponse<String> response = new WebhookSender(this.port, "whsec_test_api").deliver(event);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(status(subscription)).isEqualTo("active");
		stripeApi.verify(getRequestedFor(urlPathEqualTo("/v1/subscriptions/" + subscription))
			.withHeader("Authorization", equalTo("Bearer sk_test_wiremock")));
	}

	@Test
	void backfillStoresMissedEventsAcrossPagesSlowingDownOn429() {
		String subscription = id("sub");
		stubSubscription(subscription, "active");
		String stored = id("evt");
		new WebhookSender(this.port, "whsec_test_api").deliver(StripeFixtures.event(stored, "customer.updated",
				Instant.now(), StripeFixtures.customer(this.customer)));
		String first = id("evt");
		String second = id("evt");
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String page1 = list(true,
				StripeFixtures.event(second, "customer.subscription.updated", now,
						subscription(subscription, "active")),
				StripeFixtures.event(first, "customer.subscription.created", now.minusSeconds(60),
						subscription(subscription, "incomplete")));
		String page2 = list(false, StripeFixtures.event(stored, "customer.updated", now.minusSeconds(120),
				StripeFixtures.customer(this.customer)));
		stripeApi.stubFor(get(urlPathEqualTo("/v1/events")).withQueryParam("starting_after", absent())
			.inScenario("events")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Too many requests\"}}"))
			.willSetStateTo("ready"));
		stripeApi.stubFor(get(urlPathEqualTo("/v1/events")).withQueryParam("starting_after", absent())
			.inScenario("events")
			.whenScenarioStateIs("ready")
			.willReturn(okJson(page1)));
		stripeApi.stubFor(get(urlPathEqualTo("/v1/events")).withQueryParam("starting_after", equalTo(first))
			.willReturn(okJson(page2)));

		Map<String, Object> result = this.backfill.run();

		assertThat(result).containsEntry("listed", 3).containsEntry("pages", 2).containsEntry("stored", 2);
		assertThat(eventSource(first)).isEqualTo("backfill");
		assertThat(eventSource(second)).isEqualTo("backfill");
		assertThat(eventSource(stored)).isEqualTo("webhook");
		assertThat(status(subscription)).isEqualTo("active");
		List<LoggedRequest> listings = stripeApi.findAll(getRequestedFor(urlPathEqualTo("/v1/events")));
		assertThat(listings).hasSizeGreaterThanOrEqualTo(3);
		assertThat(listings.get(0).getUrl()).contains("customer.subscription.updated").contains("created");
		assertThat(this.backfill.run()).containsEntry("stored", 0);
	}

	@Test
	void resyncRepairsDriftedSubscriptionsAcrossPagesSlowingDownOn429() {
		UUID drifted = this.data.subscription(this.account, "past_due", "starter");
		String driftedId = this.db.sql("select stripe_subscription_id from mindroom.subscriptions where id = ?")
			.param(drifted)
			.query(String.class)
			.single();
		String missing = id("sub");
		stripeApi.stubFor(get(urlPathEqualTo("/v1/subscriptions")).withQueryParam("starting_after", absent())
			.inScenario("subscriptions")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Too many requests\"}}"))
			.willSetStateTo("ready"));
		stripeApi.stubFor(get(urlPathEqualTo("/v1/subscriptions")).withQueryParam("starting_after", absent())
			.withQueryParam("status", equalTo("all"))
			.inScenario("subscriptions")
			.whenScenarioStateIs("ready")
			.willReturn(okJson(list(true, json(subscription(driftedId, "active"))))));
		stripeApi.stubFor(get(urlPathEqualTo("/v1/subscriptions")).withQueryParam("starting_after", equalTo(driftedId))
			.willReturn(okJson(list(false, json(subscription(missing, "canceled"))))));

		Map<String, Object> result = this.resync.run();

		assertThat(status(driftedId)).isEqualTo("active");
		assertThat(status(missing)).isEqualTo("canceled");
		assertThat((Integer) result.get("repaired")).isGreaterThanOrEqualTo(2);
		assertThat(stripeApi.findAll(getRequestedFor(urlPathEqualTo("/v1/subscriptions")))).hasSize(3);
	}

	@Test
	void runsAQueuedResyncAsSoonAsItIsQueued() {
		stripeApi.stubFor(get(urlPathEqualTo("/v1/subscriptions")).atPriority(1).willReturn(okJson(list(false))));
		UUID job = this.jobs.enqueue(StripeJobs.RESYNC, Map.of(), StripeJobs.RESYNC, null);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.db.sql("select status from mindroom.jobs where id = ?")
				.param(job)
				.query(String.class)
				.single()).isEqualTo("succeeded"));
		assertThat(this.db.sql("select result::text from mindroom.jobs where id = ?")
			.param(job)
			.query(String.class)
			.single()).contains("\"listed\"");
	}

	private void stubSubscription(String subscription, String status) {
		stripeApi.stubFor(get(urlPathEqualTo("/v1/subscriptions/" + subscription)).atPriority(1)
			.willReturn(okJson(json(subscription(subscription, status)))));
	}

	private ObjectNode subscription(String subscription, String status) {
		return StripeFixtures.subscription(subscription, this.customer, status, STARTER,
				Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
	}

	private String status(String subscription) {
		return this.db.sql("select status from mindroom.subscriptions where stripe_subscription_id = ?")
			.param(subscription)
			.query(String.class)
			.single();
	}

	private String eventSource(String eventId) {
		return this.db.sql("select source from mindroom.stripe_events where id = ? and status = 'processed'")
			.param(eventId)
			.query(String.class)
			.single();
	}

	private static String json(ObjectNode node) {
		return StripeFixtures.JSON.writeValueAsString(node);
	}

	private static String list(boolean hasMore, String... items) {
		return "{\"object\":\"list\",\"url\":\"/v1/list\",\"has_more\":" + hasMore + ",\"data\":["
				+ String.join(",", items) + "]}";
	}

}
