package com.mindroom.stripe.lifecycle;

import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestData;
import com.mindroom.common.test.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An account whose deletion grace is over: its Stripe subscription is cancelled at Stripe
 * (WireMock at the wire), its personal data erased, its instance deleted through the
 * lifecycle, and the deletion audited — once.
 */
@FreshDatabase
@SpringBootTest(properties = { "mindroom.stripe.secret-key=sk_test_wiremock",
		"mindroom.stripe.webhook-secrets=whsec_test_deletion", "mindroom.stripe-handler.scheduling.enabled=false",
		"mindroom.stripe-handler.api.retry-backoff=20ms", "mindroom.stripe-handler.jobs.poll-interval=1h" })
class AccountDeletionJobIntegrationTests {

	@RegisterExtension
	static final WireMockExtension stripeApi = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	@Autowired
	private TestDatabase database;

	@Autowired
	private AccountDeletionJob job;

	private JdbcClient db;

	private UUID account;

	private UUID instance;

	private String stripeSubscription;

	@DynamicPropertySource
	static void stripeApiBase(DynamicPropertyRegistry registry) {
		registry.add("mindroom.stripe.api-base", stripeApi::baseUrl);
	}

	@BeforeEach
	void setUp() {
		TestData data = new TestData(this.database.dataSource());
		this.db = data.jdbc();
		this.account = data.account("leaving");
		UUID subscription = data.subscription(this.account, "active", "starter");
		this.instance = data.instance(this.account, subscription, "leaving");
		this.stripeSubscription = this.db.sql("select stripe_subscription_id from mindroom.subscriptions where id = ?")
			.param(subscription)
			.query(String.class)
			.single();
		this.db.sql("""
				update mindroom.accounts set deletion_requested_at = now() - interval '8 days',
				    deletion_scheduled_for = now() - interval '1 minute', password_hash = 'x', consent_marketing = true
				where id = ?
				""").param(this.account).update();
		this.db
			.sql("insert into mindroom.account_tokens (token_hash, account_id, purpose, expires_at) "
					+ "values (?, ?, 'refresh', now() + interval '1 day')")
			.params(UUID.randomUUID().toString(), this.account)
			.update();
	}

	@Test
	void cancelsAtStripeErasesTheAccountAndDeletesTheInstanceOnce() {
		stripeApi.stubFor(delete(urlPathEqualTo("/v1/subscriptions/" + this.stripeSubscription)).willReturn(okJson(
				"{\"id\":\"" + this.stripeSubscription + "\",\"object\":\"subscription\",\"status\":\"canceled\"}")));
		assertThat(this.job.runDue()).isOne();
		assertThat(this.job.runDue()).isZero();
		stripeApi.verify(1, deleteRequestedFor(urlPathEqualTo("/v1/subscriptions/" + this.stripeSubscription)));
		Map<String, Object> row = this.db
			.sql("select status, email, name, password_hash, consent_marketing from mindroom.accounts where id = ?")
			.param(this.account)
			.query()
			.singleRow();
		assertThat(row).containsEntry("status", "deleted")
			.containsEntry("email", "deleted-" + this.account + "@deleted.invalid")
			.containsEntry("name", "")
			.containsEntry("consent_marketing", false);
		assertThat(row.get("password_hash")).isNull();
		assertThat(count("select count(*) from mindroom.subscriptions where account_id = ? and status = 'canceled'"))
			.isOne();
		assertThat(count("select count(*) from mindroom.account_tokens where account_id = ?")).isZero();
		assertThat(this.db.sql("select desired_state from mindroom.instances where id = ?")
			.param(this.instance)
			.query(String.class)
			.single()).isEqualTo("deleted");
		assertThat(count("select count(*) from mindroom.audit_log where account_id = ? and action = 'account.deleted'"))
			.isOne();
	}

	@Test
	void aStripeFailureLeavesTheAccountForTheNextRun() {
		stripeApi.stubFor(delete(urlPathEqualTo("/v1/subscriptions/" + this.stripeSubscription))
			.willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"type\":\"api_error\"}}")));
		assertThat(this.job.runDue()).isZero();
		assertThat(this.db.sql("select status from mindroom.accounts where id = ?")
			.param(this.account)
			.query(String.class)
			.single()).isEqualTo("active");
		assertThat(count("select count(*) from mindroom.subscriptions where account_id = ? and status = 'active'"))
			.isOne();
		stripeApi.stubFor(delete(urlPathEqualTo("/v1/subscriptions/" + this.stripeSubscription)).willReturn(okJson(
				"{\"id\":\"" + this.stripeSubscription + "\",\"object\":\"subscription\",\"status\":\"canceled\"}")));
		assertThat(this.job.runDue()).isOne();
	}

	private long count(String sql) {
		return this.db.sql(sql).param(this.account).query(Long.class).single();
	}

}
