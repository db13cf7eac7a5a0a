package com.mindroom.stripe.billing;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestData;
import com.mindroom.common.test.TestDatabase;
import com.mindroom.stripe.inbox.EventInbox;
import com.mindroom.stripe.lifecycle.LifecycleJob;
import com.mindroom.stripe.test.MutableClock;
import com.mindroom.stripe.test.StripeFixtures;
import com.mindroom.stripe.test.WebhookSender;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.mindroom.stripe.test.StripeFixtures.event;
import static com.mindroom.stripe.test.StripeFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed deliveries, applied: from checkout to a running instance, out-of-order and
 * duplicate deliveries, dunning through the grace period, cancellation, plan changes, and
 * events that cannot be applied yet. No Stripe API key: every event is applied from its
 * own snapshot.
 */
@FreshDatabase
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "mindroom.stripe.secret-key=", "mindroom.stripe.webhook-secrets=whsec_test_billing",
				"mindroom.stripe-handler.scheduling.enabled=false", "mindroom.stripe-handler.jobs.listen=false" })
class BillingEventsIntegrationTests {

	private static final String STARTER = "price_starter_monthly";

	@Autowired
	private TestDatabase database;

	@Autowired
	private EventInbox inbox;

	@Autowired
	private LifecycleJob lifecycle;

	@Autowired
	private MutableClock clock;

	@LocalServerPort
	private int port;

	private WebhookSender stripe;

	private JdbcClient db;

	private TestData data;

	private UUID account;

	private String customer;

	private String subscription;

	@BeforeEach
	void setUp() {
		this.stripe = new WebhookSender(this.port, "whsec_test_billing");
		this.data = new TestData(this.database.dataSource());
		this.db = this.data.jdbc();
		this.account = this.data.account("billing");
		this.customer = id("cus");
		this.subscription = id("sub");
	}

	@Test
	void checkoutThenSubscriptionCreatedRunsAnInstanceOnThePlan() {
		Instant periodEnd = now().plus(30, ChronoUnit.DAYS);
		assertThat(deliver("checkout.session.completed",
				StripeFixtures.checkoutSession(this.account.toString(), this.customer, this.subscription)))
			.isEqualTo("processed");
		assertThat(this.db.sql("select stripe_customer_id from mindroom.accounts where id = ?")
			.param(this.account)
			.query(String.class)
			.single()).isEqualTo(this.customer);
		assertThat(deliver("customer.subscription.created", subscription("active", STARTER, periodEnd)))
			.isEqualTo("processed");
		Map<String, Object> row = subscriptionRow();
		assertThat(row).containsEntry("status", "active")
			.containsEntry("plan", "starter")
			.containsEntry("unit_amount", 2900L)
			.containsEntry("currency", "usd")
			.containsEntry("billing_interval", "month")
			.containsEntry("quantity", 1)
			.containsEntry("account_id", this.account);
		assertThat(instant(row.get("current_period_end"))).isEqualTo(periodEnd);
		assertThat(instance()).containsEntry("desired_state", "running").containsEntry("plan", "starter");
	}

	@Test
	void subscriptionBeforeItsCheckoutFailsUntilTheCustomerIsLinkedThenIsRetried() {
		String early = deliverEvent("customer.subscription.created", subscription("active", STARTER, inAMonth()),
				now());
		assertThat(eventRow(early)).containsEntry("status", "failed").containsEntry("attempts", 1);
		assertThat((String) eventRow(early).get("last_error")).contains(this.customer);
		assertThat(eventRow(early).get("next_attempt_at")).isNotNull();
		assertThat(countSubscriptions()).isZero();

		deliver("checkout.session.completed",
				StripeFixtures.checkoutSession(this.account.toString(), this.customer, this.subscription));
		this.inbox.retryDue();

		assertThat(eventRow(early)).containsEntry("status", "processed").containsEntry("attempts", 2);
		assertThat(eventRow(early).get("last_error")).isNull();
		assertThat(subscriptionRow()).containsEntry("status", "active");
		assertThat(instance()).containsEntry("desired_state", "running");
	}

	@Test
	void fiveConcurrentDuplicateDeliveriesHaveOneEffect() throws Exception {
		link();
		String payload = event(id("evt"), "customer.subscription.created", now(),
				subscription("active", STARTER, inAMonth()));
		List<String> outcomes = new ArrayList<>();
		ExecutorService senders = Executors.newFixedThreadPool(5);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<CompletableFuture<HttpResponse<String>>> deliveries = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				deliveries.add(CompletableFuture.supplyAsync(() -> {
					await(start);
					return this.stripe.deliver(payload);
				}, senders));
			}
			start.countDown();
			for (CompletableFuture<HttpResponse<String>> delivery : deliveries) {
				HttpResponse<String> response = delivery.get();
				assertThat(response.statusCode()).isEqualTo(200);
				outcomes.add(StripeFixtures.JSON.readTree(response.body()).get("received").asString());
			}
		}
		finally {
			senders.shutdownNow();
		}
		assertThat(outcomes).containsOnlyOnce("processed").filteredOn("duplicate"::equals).hasSize(4);
		assertThat(countSubscriptions()).isEqualTo(1);
		assertThat(this.db
			.sql("select count(*) from mindroom.instance_events e join mindroom.instances i "
					+ "on i.id = e.instance_id join mindroom.subscriptions s on s.id = i.subscription_id "
					+ "where s.stripe_subscription_id = ? and e.message like 'Instance created%'")
			.param(this.subscription)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anOlderSnapshotNeverOverwritesANewerOne() {
		link();
		Instant t1 = now().minusSeconds(120);
		Instant t2 = now().minusSeconds(60);
		Instant newerPeriodEnd = now().plus(40, ChronoUnit.DAYS);
		deliverEvent("customer.subscription.updated", subscription("active", STARTER, newerPeriodEnd), t2);
		deliverEvent("customer.subscription.updated", subscription("past_due", STARTER, inAMonth()), t1);
		Map<String, Object> row = subscriptionRow();
		assertThat(row).containsEntry("status", "active");
		assertThat(instant(row.get("current_period_end"))).isEqualTo(newerPeriodEnd);
		assertThat(instant(row.get("stripe_state_at"))).isEqualTo(t2);
		assertThat(instance()).containsEntry("desired_state", "running");
	}

	@Test
	void aLateUpdateAfterDeletionLeavesItCanceled() {
		link();
		Instant t1 = now().minusSeconds(300);
		deliverEvent("customer.subscription.created", subscription("active", STARTER, inAMonth()), t1);
		ObjectNode deleted = subscription("canceled", STARTER, inAMonth());
		deleted.put("ended_at", now().minusSeconds(100).getEpochSecond())
			.put("canceled_at", now().minusSeconds(100).getEpochSecond());
		deliverEvent("customer.subscription.deleted", deleted, now().minusSeconds(100));
		deliverEvent("customer.subscription.updated", subscription("active", STARTER, inAMonth()),
				now().minusSeconds(200));
		deliverEvent("customer.subscription.updated", subscription("active", STARTER, inAMonth()), now());
		assertThat(subscriptionRow()).containsEntry("status", "canceled");
		assertThat(instance()).containsEntry("desired_state", "suspended");
		assertThat(notifications("subscription_canceled")).isEqualTo(1);
	}

	@Test
	void aTrialThatConvertsKeepsRunning() {
		link();
		ObjectNode trialing = subscription("trialing", STARTER, inAMonth());
		trialing.put("trial_start", now().getEpochSecond())
			.put("trial_end", now().plus(14, ChronoUnit.DAYS).getEpochSecond());
		deliverEvent("customer.subscription.created", trialing, now().minusSeconds(10));
		assertThat(instance()).containsEntry("desired_state", "running");
		assertThat((String) instance().get("desired_reason")).startsWith("Trial until");
		deliverEvent("customer.subscription.trial_will_end", trialing, now().minusSeconds(5));
		assertThat(notifications("trial_will_end")).isEqualTo(1);
		deliverEvent("customer.subscription.updated", subscription("active", STARTER, inAMonth()), now());
		assertThat(subscriptionRow()).containsEntry("status", "active");
		assertThat(instance()).containsEntry("desired_state", "running")
			.containsEntry("desired_reason", "The subscription is active");
	}

	@Test
	void aFailedPaymentRunsThroughTheGracePeriodThenSuspendsUntilPaid() {
		link();
		deliverEvent("customer.subscription.created", subscription("active", STARTER, inAMonth()),
				now().minusSeconds(60));
		String invoice = id("in");
		deliverEvent("invoice.payment_failed",
				StripeFixtures.invoice(invoice, this.customer, this.subscription, "open"), now());
		assertThat(subscriptionRow()).containsEntry("status", "past_due");
		assertThat(subscriptionRow().get("past_due_since")).isNotNull();
		assertThat(instance()).containsEntry("desired_state", "running");
		assertThat(notifications("payment_failed")).isEqualTo(1);

		this.clock.advance(Duration.ofDays(8));
		this.lifecycle.runDue();
		assertThat(instance()).containsEntry("desired_state", "suspended")
			.containsEntry("desired_reason", "Payment overdue past the grace period");

		deliverEvent("invoice.paid", StripeFixtures.invoice(invoice, this.customer, this.subscription, "paid"), now());
		assertThat(subscriptionRow()).containsEntry("status", "active").containsEntry("past_due_since", null);
		assertThat(instance()).containsEntry("desired_state", "running");
		assertThat(this.db.sql("select status from mindroom.invoices where stripe_invoice_id = ?")
			.param(invoice)
			.query(String.class)
			.single()).isEqualTo("paid");
	}

	@Test
	void cancelAtPeriodEndKeepsRunningUntilThePeriodEnds() {
		link();
		Instant periodEnd = now().plus(10, ChronoUnit.DAYS);
		ObjectNode canceling = subscription("active", STARTER, periodEnd);
		canceling.put("cancel_at_period_end", true);
		deliverEvent("customer.subscription.updated", canceling, now());
		assertThat(instance()).containsEntry("desired_state", "running");
		assertThat(instant(instance().get("desired_review_at"))).isEqualTo(periodEnd);

		this.clock.advance(Duration.ofDays(11));
		this.lifecycle.runDue();
		assertThat(instance()).containsEntry("desired_state", "suspended");
	}

	@Test
	void anUnknownPriceIsAnErrorOnTheEventNotAGuess() {
		link();
		String eventId = deliverEvent("customer.subscription.created",
				subscription("active", "price_not_in_catalog", inAMonth()), now());
		assertThat(eventRow(eventId)).containsEntry("status", "failed");
		assertThat((String) eventRow(eventId).get("last_error")).contains("price_not_in_catalog");
		assertThat(countSubscriptions()).isZero();
	}

	@Test
	void aPlanChangeReachesTheInstance() {
		link();
		deliverEvent("customer.subscription.created", subscription("active", STARTER, inAMonth()),
				now().minusSeconds(60));
		long generation = (Long) instance().get("generation");
		deliverEvent("customer.subscription.updated", subscription("active", "price_professional_monthly", inAMonth()),
				now());
		assertThat(subscriptionRow()).containsEntry("plan", "professional").containsEntry("unit_amount", 9900L);
		assertThat(instance()).containsEntry("plan", "professional");
		assertThat((Long) instance().get("generation")).isGreaterThan(generation);
	}

	@Test
	void subscriptionMetadataLinksItsAccount() {
		ObjectNode withMetadata = subscription("active", STARTER, inAMonth());
		withMetadata.putObject("metadata").put("account_id", this.account.toString());
		deliverEvent("customer.subscription.created", withMetadata, now());
		assertThat(subscriptionRow()).containsEntry("account_id", this.account);
		assertThat(this.db.sql("select stripe_customer_id from mindroom.accounts where id = ?")
			.param(this.account)
			.query(String.class)
			.single()).isEqualTo(this.customer);
	}

	@Test
	void aDeletedCustomerIsUnlinkedAndItsSubscriptionsEnd() {
		link();
		deliverEvent("customer.subscription.created", subscription("active", STARTER, inAMonth()),
				now().minusSeconds(60));
		ObjectNode gone = StripeFixtures.customer(this.customer);
		gone.put("deleted", true);
		deliverEvent("customer.deleted", gone, now());
		assertThat(this.db.sql("select stripe_customer_id from mindroom.accounts where id = ?")
			.param(this.account)
			.query(String.class)
			.optional()).isEmpty();
		assertThat(subscriptionRow()).containsEntry("status", "canceled");
		assertThat(instance()).containsEntry("desired_state", "suspended");
	}

	private void link() {
		this.db.sql("update mindroom.accounts set stripe_customer_id = ? where id = ?")
			.params(this.customer, this.account)
			.update();
	}

	private ObjectNode subscription(String status, String price, Instant periodEnd) {
		return StripeFixtures.subscription(this.subscription, this.customer, status, price, periodEnd);
	}

	private String deliver(String type, ObjectNode object) {
		String payload = event(id("evt"), type, now(), object);
		HttpResponse<String> response = this.stripe.deliver(payload);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return StripeFixtures.JSON.readTree(response.body()).get("received").asString();
	}

	private String deliverEvent(String type, ObjectNode object, Instant created) {
		String eventId = id("evt");
		HttpResponse<String> response = this.stripe.deliver(event(eventId, type, created, object));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return eventId;
	}

	private Map<String, Object> subscriptionRow() {
		return this.db.sql("select * from mindroom.subscriptions where stripe_subscription_id = ?")
			.param(this.subscription)
			.query()
			.singleRow();
	}

	private Map<String, Object> instance() {
		return this.db
			.sql("select i.* from mindroom.instances i join mindroom.subscriptions s "
					+ "on s.id = i.subscription_id where s.stripe_subscription_id = ?")
			.param(this.subscription)
			.query()
			.singleRow();
	}

	private Map<String, Object> eventRow(String eventId) {
		return this.db.sql("select * from mindroom.stripe_events where id = ?").param(eventId).query().singleRow();
	}

	private long countSubscriptions() {
		return this.db.sql("select count(*) from mindroom.subscriptions where stripe_subscription_id = ?")
			.param(this.subscription)
			.query(Long.class)
			.single();
	}

	private long notifications(String template) {
		return this.db.sql("select count(*) from mindroom.notification_outbox where account_id = ? and template = ?")
			.params(this.account, template)
			.query(Long.class)
			.single();
	}

	private static Instant instant(Object timestamp) {
		return ((Timestamp) timestamp).toInstant();
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
	}

	private Instant inAMonth() {
		return now().plus(30, ChronoUnit.DAYS);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ClockConfiguration {

		@Bean
		MutableClock clock() {
			return new MutableClock();
		}

	}

}
