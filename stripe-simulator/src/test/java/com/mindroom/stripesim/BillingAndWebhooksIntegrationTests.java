package com.mindroom.stripesim;

import java.time.Duration;
import java.util.List;

import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.Subscription;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.SubscriptionUpdateParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mindroom.common.test.FreshDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Signed webhook delivery to a real HTTP endpoint (every signature verified with
 * stripe-java), its retries and its duplicate and out-of-order options, and the billing
 * engine as the clock is advanced: trial ends, renewals, failed payments, smart retries,
 * recovery after the card is fixed, and cancellation at the period's end.
 */
@FreshDatabase
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "mindroom.stripe-sim.webhook-secret=" + WebhookReceiver.SECRET,
				"mindroom.stripe-sim.delivery.backoff=50ms", "mindroom.stripe-sim.delivery.max-backoff=200ms",
				"mindroom.stripe-sim.delivery.poll-interval=100ms" })
class BillingAndWebhooksIntegrationTests {

	private static final WebhookReceiver receiver = WebhookReceiver.start();

	private static final Duration WAIT = Duration.ofSeconds(20);

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	private Simulator simulator;

	private StripeClient stripe;

	@DynamicPropertySource
	static void webhookUrl(DynamicPropertyRegistry registry) {
		registry.add("mindroom.stripe-sim.webhook-url", receiver::url);
	}

	@AfterAll
	static void stopReceiver() {
		receiver.close();
	}

	@BeforeEach
	void connect() {
		this.simulator = new Simulator(this.port);
		this.stripe = this.simulator.stripe();
	}

	@Test
	void deliversCheckoutEventsSignedAndInOrder() throws Exception {
		String id = this.simulator.subscribe("signed@example.com", Simulator.STARTER, null, "4242424242424242");
		await().atMost(WAIT).until(() -> receiver.typesAbout(id).contains("checkout.session.completed"));
		assertThat(receiver.received()).allSatisfy((delivery) -> {
			assertThat(delivery.event()).as("signature verifies").isNotNull();
			assertThat(delivery.signature()).matches("t=\\d+,v1=[0-9a-f]{64}");
		});
		List<Event> events = receiver.eventsAbout(id);
		assertThat(events).extracting(Event::getType)
			.containsSubsequence("customer.subscription.created", "invoice.created", "invoice.finalized",
					"invoice.paid", "invoice.payment_succeeded", "checkout.session.completed");
		assertThat(events).allSatisfy((event) -> assertThat(event.getApiVersion()).isEqualTo(Stripe.API_VERSION));
		Event created = events.get(0);
		Subscription subscription = (Subscription) created.getDataObjectDeserializer().getObject().orElseThrow();
		assertThat(subscription.getId()).isEqualTo(id);
		assertThat(subscription.getItems().getData().get(0).getCurrentPeriodEnd()).isNotNull();
		assertThat(subscription.getLatestInvoice()).startsWith("in_");
		Invoice paid = (Invoice) events.stream()
			.filter((event) -> event.getType().equals("invoice.paid"))
			.findFirst()
			.orElseThrow()
			.getDataObjectDeserializer()
			.getObject()
			.orElseThrow();
		assertThat(paid.getParent().getSubscriptionDetails().getSubscription()).isEqualTo(id);
	}

	@Test
	void retriesADeliveryUntilTheEndpointHeals() throws Exception {
		int before = receiver.attempts();
		receiver.failNext(3);
		String customer = this.simulator.customer("retry@example.com").getId();
		await().atMost(WAIT).until(() -> receiver.typesAbout(customer).contains("customer.created"));
		assertThat(receiver.attempts() - before).isGreaterThanOrEqualTo(4);
		String deliveries = this.simulator.control("GET", "/deliveries?limit=200", "").body();
		assertThat(deliveries).contains("\"status\":\"delivered\"");
		assertThat(receiver.typesAbout(customer)).containsOnlyOnce("customer.created");
	}

	@Test
	void deliversEveryEventTwiceWhenAsked() throws Exception {
		setOptions(true, false);
		try {
			String customer = this.simulator.customer("twice@example.com").getId();
			await().atMost(WAIT).until(() -> receiver.eventsAbout(customer).size() == 2);
			List<Event> events = receiver.eventsAbout(customer);
			assertThat(events.get(0).getId()).isEqualTo(events.get(1).getId());
		}
		finally {
			setOptions(false, false);
		}
	}

	@Test
	void deliversBatchesNewestFirstWhenAsked() throws Exception {
		String customer = this.simulator.customer("shuffled@example.com").getId();
		await().atMost(WAIT).until(() -> receiver.typesAbout(customer).contains("customer.created"));
		setOptions(false, true);
		try {
			String id = this.simulator.subscribe("shuffled-sub@example.com", Simulator.STARTER, null,
					"4242424242424242");
			await().atMost(WAIT).until(() -> receiver.typesAbout(id).contains("customer.subscription.created"));
			List<String> types = receiver.typesAbout(id);
			assertThat(types.indexOf("checkout.session.completed"))
				.isLessThan(types.indexOf("customer.subscription.created"));
		}
		finally {
			setOptions(false, false);
		}
	}

	@Test
	void trialEndsIntoActiveAndThenRenews() throws Exception {
		String id = this.simulator.subscribe("trial-clock@example.com", Simulator.STARTER, 14L, "4242424242424242");
		long trialEnd = subscription(id).getTrialEnd();
		this.simulator.advance("15d");
		Subscription active = subscription(id);
		assertThat(active.getStatus()).isEqualTo("active");
		assertThat(active.getItems().getData().get(0).getCurrentPeriodStart()).isEqualTo(trialEnd);
		assertThat(invoices(id)).first().satisfies((invoice) -> {
			assertThat(invoice.getBillingReason()).isEqualTo("subscription_cycle");
			assertThat(invoice.getAmountPaid()).isEqualTo(2900L);
			assertThat(invoice.getCreated()).isEqualTo(trialEnd);
		});
		await().atMost(WAIT)
			.until(() -> receiver.typesAbout(id)
				.containsAll(List.of("customer.subscription.trial_will_end", "customer.subscription.updated")));
		long periodEnd = active.getItems().getData().get(0).getCurrentPeriodEnd();
		this.simulator.advance("31d");
		Subscription renewed = subscription(id);
		assertThat(renewed.getStatus()).isEqualTo("active");
		assertThat(renewed.getItems().getData().get(0).getCurrentPeriodStart()).isEqualTo(periodEnd);
		assertThat(invoices(id)).hasSize(3).allSatisfy((invoice) -> assertThat(invoice.getStatus()).isEqualTo("paid"));
	}

	@Test
	void failedRenewalGoesPastDueAndRecoversOnceTheCardIsFixed() throws Exception {
		String id = this.simulator.subscribe("failing@example.com", Simulator.STARTER, null, "4000000000000341");
		Subscription started = subscription(id);
		assertThat(started.getStatus()).isEqualTo("active");
		this.simulator.advanceTo(started.getItems().getData().get(0).getCurrentPeriodEnd() + 3600);
		Subscription pastDue = subscription(id);
		assertThat(pastDue.getStatus()).isEqualTo("past_due");
		Invoice open = invoices(id).get(0);
		assertThat(open.getStatus()).isEqualTo("open");
		assertThat(open.getAttemptCount()).isEqualTo(1L);
		assertThat(open.getNextPaymentAttempt()).isEqualTo(open.getCreated() + 3 * 86400);
		await().atMost(WAIT).until(() -> receiver.typesAbout(id).contains("invoice.payment_failed"));

		this.simulator.advanceTo(open.getNextPaymentAttempt());
		assertThat(invoices(id).get(0).getAttemptCount()).isEqualTo(2L);
		assertThat(this.simulator.control("POST", "/subscriptions/" + id + "/retry-payment", "{}").body())
			.contains("\"status\":\"past_due\"");

		String customer = pastDue.getCustomer();
		String fixed = this.simulator
			.control("POST", "/customers/" + customer + "/card", "{\"number\":\"4242 4242 4242 4242\"}")
			.body();
		assertThat(fixed).contains("\"recovered\":0");
		assertThat(subscription(id).getStatus()).isEqualTo("past_due");
		assertThat(this.simulator.control("POST", "/subscriptions/" + id + "/retry-payment", "{}").body())
			.contains("\"status\":\"active\"");
		assertThat(subscription(id).getStatus()).isEqualTo("active");
		assertThat(invoices(id).get(0).getStatus()).isEqualTo("paid");
		await().atMost(WAIT)
			.until(() -> receiver.typesAbout(id).contains("invoice.paid")
					&& receiver.eventsAbout(id).stream().anyMatch((event) -> isStatusChange(event, "active")));
	}

	@Test
	void replacingTheCardCanCollectPastDueInvoicesAtOnce() throws Exception {
		String id = this.simulator.subscribe("retry-now@example.com", Simulator.STARTER, null, "4000000000000341");
		this.simulator.advance("32d");
		assertThat(subscription(id).getStatus()).isEqualTo("past_due");
		String customer = subscription(id).getCustomer();
		assertThat(this.simulator.control("POST", "/subscriptions/sub_missing/retry-payment", "{}").statusCode())
			.isEqualTo(404);
		String failing = this.simulator
			.control("POST", "/customers/" + customer + "/card",
					"{\"number\":\"4000000000000341\",\"retryOpenInvoices\":true}")
			.body();
		assertThat(failing).contains("\"recovered\":0");
		assertThat(subscription(id).getStatus()).isEqualTo("past_due");
		assertThat(this.simulator.control("POST", "/customers/" + customer + "/card", "{\"number\":\"1234\"}")
			.statusCode()).isEqualTo(400);
		String good = this.simulator
			.control("POST", "/customers/" + customer + "/card",
					"{\"number\":\"4242424242424242\",\"retryOpenInvoices\":true}")
			.body();
		assertThat(good).contains("\"last4\":\"4242\"").contains("\"recovered\":1");
		assertThat(subscription(id).getStatus()).isEqualTo("active");
	}

	@Test
	void cancellationAtPeriodEndEndsTheSubscription() throws Exception {
		String id = this.simulator.subscribe("leaving@example.com", Simulator.STARTER, null, "4242424242424242");
		this.stripe.v1()
			.subscriptions()
			.update(id, SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(true).build());
		long periodEnd = subscription(id).getItems().getData().get(0).getCurrentPeriodEnd();
		this.simulator.advance("32d");
		Subscription ended = subscription(id);
		assertThat(ended.getStatus()).isEqualTo("canceled");
		assertThat(ended.getEndedAt()).isEqualTo(periodEnd);
		assertThat(invoices(id)).hasSize(1);
		await().atMost(WAIT).until(() -> receiver.typesAbout(id).contains("customer.subscription.deleted"));
		Event deleted = receiver.eventsAbout(id)
			.stream()
			.filter((event) -> event.getType().equals("customer.subscription.deleted"))
			.findFirst()
			.orElseThrow();
		assertThat(deleted.getCreated()).isEqualTo(periodEnd);
	}

	@Test
	void movingTheClockWritesThePlatformsOffset() {
		this.simulator.advance("2h");
		long offset = this.jdbc.sql("select clock_offset_seconds from stripe_sim.state").query(Long.class).single();
		assertThat(offset).isGreaterThanOrEqualTo(7200);
		assertThat(this.jdbc.sql("select offset_seconds from mindroom.simulated_clock where id")
			.query(Long.class)
			.single()).isEqualTo(offset);
		assertThat(this.simulator.control("POST", "/clock/advance", "{\"by\":\"-1d\"}").statusCode()).isEqualTo(400);
		assertThat(this.simulator.control("GET", "/state", "").body()).contains("\"offsetSeconds\":" + offset);
	}

	private static boolean isStatusChange(Event event, String status) {
		return event.getType().equals("customer.subscription.updated") && event.getDataObjectDeserializer()
			.getObject()
			.map((object) -> status.equals(((Subscription) object).getStatus()))
			.orElse(false);
	}

	private void setOptions(boolean twice, boolean outOfOrder) {
		assertThat(this.simulator
			.control("PUT", "/delivery-options", "{\"deliverTwice\":" + twice + ",\"outOfOrder\":" + outOfOrder + "}")
			.statusCode()).isEqualTo(200);
	}

	private Subscription subscription(String id) throws Exception {
		return this.stripe.v1().subscriptions().retrieve(id);
	}

	private List<Invoice> invoices(String subscription) throws Exception {
		return this.stripe.v1()
			.invoices()
			.list(InvoiceListParams.builder().setSubscription(subscription).build())
			.getData();
	}

}
