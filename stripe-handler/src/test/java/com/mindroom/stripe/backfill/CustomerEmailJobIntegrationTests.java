package com.mindroom.stripe.backfill;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mindroom.common.job.JobQueue;
import com.mindroom.common.job.StripeJobs;
import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestData;
import com.mindroom.common.test.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.mindroom.stripe.test.StripeFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The portal queues {@code stripe.customer_email} when a customer's email changes; the
 * handler (Stripe at the wire: WireMock at the configured API base) sets the Stripe
 * customer's email to the account's current address as soon as the job is queued, retries
 * a failure after the retry delay with the address current then, gives up with a readable
 * error after the last attempt, and queues one more run for a change that joined the job
 * while it ran.
 */
@FreshDatabase
@SpringBootTest(properties = { "mindroom.stripe.secret-key=sk_test_wiremock",
		"mindroom.stripe-handler.scheduling.enabled=false", "mindroom.stripe-handler.api.retry-backoff=20ms",
		"mindroom.stripe-handler.jobs.poll-interval=1h", "mindroom.stripe-handler.jobs.retry-delay=1h" })
class CustomerEmailJobIntegrationTests {

	private static final AtomicReference<Runnable> duringStripeCall = new AtomicReference<>();

	@RegisterExtension
	static final WireMockExtension stripeApi = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().extensions(new DuringStripeCall()))
		.build();

	@Autowired
	private TestDatabase database;

	@Autowired
	private JobQueue jobs;

	@Autowired
	private BillingJobs billingJobs;

	private JdbcClient db;

	private UUID account;

	private String customer;

	@DynamicPropertySource
	static void stripeApiBase(DynamicPropertyRegistry registry) {
		registry.add("mindroom.stripe.api-base", stripeApi::baseUrl);
	}

	@BeforeEach
	void setUp() {
		TestData data = new TestData(this.database.dataSource());
		this.db = data.jdbc();
		this.account = data.account("mover");
		this.customer = id("cus");
		this.db.sql("update mindroom.accounts set stripe_customer_id = ? where id = ?")
			.params(this.customer, this.account)
			.update();
		duringStripeCall.set(null);
	}

	@Test
	void setsTheCustomersEmailAsSoonAsTheJobIsQueued() {
		stubStripe(200);
		String email = changeEmail("moved");
		assertThat(queue()).isTrue();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(status()).isEqualTo("succeeded"));
		assertThat(sentBodies()).containsExactly("email=" + email);
		assertThat(this.db.sql("select result ->> 'customer' from mindroom.jobs where requested_by = ?")
			.param(this.account)
			.query(String.class)
			.single()).isEqualTo(this.customer);
	}

	@Test
	void aFailureIsRetriedAfterTheDelayWithTheAddressCurrentThen() {
		stubStripe(500);
		String first = changeEmail("first");
		queue();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.db
				.sql("select count(*) from mindroom.jobs where requested_by = ? and status = 'queued' "
						+ "and attempts = 1 and last_error like '%update customer%HTTP 500%' and run_at > now()")
				.param(this.account)
				.query(Integer.class)
				.single()).isOne());
		assertThat(sentBodies()).hasSize(5).containsOnly("email=" + first);

		String second = changeEmail("second");
		assertThat(queue()).isFalse();
		stripeApi.resetAll();
		stubStripe(200);
		this.db.sql("update mindroom.jobs set run_at = now() where requested_by = ?").param(this.account).update();
		assertThat(this.billingJobs.runDue()).isOne();

		assertThat(status()).isEqualTo("succeeded");
		assertThat(sentBodies()).containsExactly("email=" + second);
		assertThat(this.db
			.sql("select count(*) from mindroom.jobs where requested_by = ? and attempts = 2 "
					+ "and last_error is null and finished_at is not null")
			.param(this.account)
			.query(Integer.class)
			.single()).isOne();
	}

	@Test
	void afterTheLastAttemptTheJobFailsWithAReadableError() {
		stubStripe(500);
		changeEmail("doomed");
		this.db.sql("""
				insert into mindroom.jobs (kind, payload, dedupe_key, requested_by, max_attempts)
				values ('stripe.customer_email', jsonb_build_object('account_id', ?::text), ?, ?, 1)
				""").params(this.account.toString(), "stripe.customer_email:" + this.account, this.account).update();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(status()).isEqualTo("failed"));
		String error = this.db.sql("select last_error from mindroom.jobs where requested_by = ?")
			.param(this.account)
			.query(String.class)
			.single();
		assertThat(error)
			.isEqualTo("StripeApiException: Stripe API call 'update customer' failed: HTTP 500, ApiException");
	}

	@Test
	void aChangeThatJoinsTheRunningJobGetsARunOfItsOwn() {
		stubStripe(200);
		String first = changeEmail("first");
		String second = "second+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		AtomicReference<Boolean> queuedWhileRunning = new AtomicReference<>();
		duringStripeCall.set(() -> {
			this.db.sql("update mindroom.accounts set email = ? where id = ?").params(second, this.account).update();
			queuedWhileRunning.set(queue());
		});
		queue();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(sentBodies()).hasSize(2));
		assertThat(sentBodies()).containsExactly("email=" + first, "email=" + second);
		assertThat(queuedWhileRunning.get()).isFalse();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(
					this.db.sql("select status from mindroom.jobs where requested_by = ? order by created_at")
						.param(this.account)
						.query(String.class)
						.list())
				.containsExactly("succeeded", "succeeded"));
	}

	@Test
	void anAccountWithoutAStripeCustomerNeedsNoCall() {
		this.db.sql("update mindroom.accounts set stripe_customer_id = null where id = ?").param(this.account).update();
		queue();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(status()).isEqualTo("succeeded"));
		assertThat(this.db.sql("select result ->> 'reason' from mindroom.jobs where requested_by = ?")
			.param(this.account)
			.query(String.class)
			.single()).isEqualTo("no_stripe_customer");
		assertThat(stripeApi.getAllServeEvents()).isEmpty();
	}

	private boolean queue() {
		return this.jobs.submit(StripeJobs.CUSTOMER_EMAIL, Map.of("account_id", this.account.toString()),
				StripeJobs.customerEmailKey(this.account), this.account);
	}

	private String changeEmail(String name) {
		String email = name + "+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		this.db.sql("update mindroom.accounts set email = ? where id = ?").params(email, this.account).update();
		return email;
	}

	private void stubStripe(int status) {
		stripeApi.stubFor(post(urlPathEqualTo("/v1/customers/" + this.customer))
			.willReturn((status == 200) ? okJson("{\"id\":\"" + this.customer + "\",\"object\":\"customer\"}")
					: aResponse().withStatus(status)
						.withHeader("Content-Type", "application/json")
						.withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"Something went wrong\"}}")));
	}

	private List<String> sentBodies() {
		return stripeApi.findAll(postRequestedFor(urlPathEqualTo("/v1/customers/" + this.customer)))
			.stream()
			.map((request) -> URLDecoder.decode(request.getBodyAsString(), StandardCharsets.UTF_8))
			.toList();
	}

	private String status() {
		return this.db.sql("select status from mindroom.jobs where requested_by = ?")
			.param(this.account)
			.query(String.class)
			.single();
	}

	/**
	 * Runs the action set for the test once, while the handler waits for Stripe's answer
	 * (after it read the account).
	 */
	private static final class DuringStripeCall implements ServeEventListener {

		@Override
		public void beforeResponseSent(ServeEvent serveEvent, Parameters parameters) {
			Runnable action = duringStripeCall.getAndSet(null);
			if (action != null) {
				action.run();
			}
		}

		@Override
		public String getName() {
			return "during-stripe-call";
		}

	}

}
