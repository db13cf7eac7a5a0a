package com.mindroom.stripesim;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.Price;
import com.stripe.model.StripeCollection;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.EventListParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.PriceListParams;
import com.stripe.param.SubscriptionListParams;
import com.stripe.param.SubscriptionRetrieveParams;
import com.stripe.param.SubscriptionUpdateParams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mindroom.common.test.FreshDatabase;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The simulator's Stripe API at the wire, driven by stripe-java's {@link StripeClient} as
 * the platform drives it, and its hosted checkout and portal pages driven by form posts.
 */
@FreshDatabase
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "mindroom.stripe-sim.webhook-secret=" + WebhookReceiver.SECRET,
				"mindroom.stripe-sim.webhook-url=http://127.0.0.1:9/webhooks/stripe" })
class StripeApiIntegrationTests {

	@LocalServerPort
	private int port;

	private Simulator simulator;

	private StripeClient stripe;

	@BeforeEach
	void connect() {
		this.simulator = new Simulator(this.port);
		this.stripe = this.simulator.stripe();
	}

	@Test
	void refusesCallsWithoutATestSecretKeyInStripesErrorShape() {
		HttpResponse<String> anonymous = this.simulator.get("/v1/customers");
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.body()).contains("\"type\":\"invalid_request_error\"")
			.contains("did not provide an API key");
		StripeClient live = StripeClient.builder()
			.setApiKey("sk_live_0123456789abcdef")
			.setApiBase(this.simulator.base())
			.build();
		assertThatExceptionOfType(AuthenticationException.class)
			.isThrownBy(() -> live.v1().customers().retrieve("cus_x"))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("0123456789abcdef"));
	}

	@Test
	void createsACustomerOncePerIdempotencyKey() throws Exception {
		RequestOptions once = RequestOptions.builder().setIdempotencyKey("signup-42").build();
		CustomerCreateParams params = CustomerCreateParams.builder()
			.setEmail("once@example.com")
			.putMetadata("account_id", "42")
			.build();
		Customer first = this.stripe.v1().customers().create(params, once);
		Customer again = this.stripe.v1().customers().create(params, once);
		assertThat(again.getId()).isEqualTo(first.getId());
		assertThat(again.getMetadata()).containsEntry("account_id", "42");
		assertThat(this.stripe.v1()
			.customers()
			.list(com.stripe.param.CustomerListParams.builder().setEmail("once@example.com").build())
			.getData()).hasSize(1);
		CustomerCreateParams other = CustomerCreateParams.builder().setEmail("other@example.com").build();
		assertThatExceptionOfType(IdempotencyException.class)
			.isThrownBy(() -> this.stripe.v1().customers().create(other, once));
	}

	@Test
	void answersUnknownObjectsAndBadInputWithStripeErrors() throws Exception {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.stripe.v1().customers().retrieve("cus_missing"))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(404);
				assertThat(ex.getCode()).isEqualTo("resource_missing");
			});
		Customer customer = this.simulator.customer("bad-input@example.com");
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.simulator.session(customer.getId(), "price_unknown", null))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(400);
				assertThat(ex.getParam()).isEqualTo("line_items[0][price]");
			});
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(
				() -> this.stripe.v1().subscriptions().list(SubscriptionListParams.builder().setLimit(1000L).build()))
			.satisfies((ex) -> assertThat(ex.getParam()).isEqualTo("limit"));
		HttpResponse<String> unknown = this.simulator
			.send(java.net.http.HttpRequest.newBuilder(URI.create(this.simulator.base() + "/v1/charges"))
				.header("Authorization", "Bearer " + Simulator.API_KEY)
				.GET()
				.build());
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("Unrecognized request URL");
		HttpResponse<String> noCheckout = this.simulator.get("/c/pay/cs_test_missing");
		assertThat(noCheckout.statusCode()).isEqualTo(404);
		assertThat(noCheckout.body()).contains("This link is no longer valid");
	}

	@Test
	void hostedCheckoutStartsThePaidSubscriptionAndRedirects() throws Exception {
		Customer customer = this.simulator.customer("checkout@example.com");
		Session session = this.simulator.session(customer.getId(), Simulator.STARTER, null);
		assertThat(session.getUrl()).startsWith(this.simulator.base() + "/c/pay/cs_test_");
		assertThat(session.getStatus()).isEqualTo("open");
		HttpResponse<String> page = this.simulator.get(URI.create(session.getUrl()).getPath());
		assertThat(page.body()).contains("Subscribe to Starter monthly")
			.contains("$29.00")
			.contains("4242 4242 4242 4242");

		HttpResponse<String> declined = this.simulator.pay(session, "4000 0000 0000 0002");
		assertThat(declined.statusCode()).isEqualTo(402);
		assertThat(declined.body()).contains("Your card was declined.");
		assertThat(subscriptionsOf(customer.getId())).isEmpty();

		HttpResponse<String> paid = this.simulator.pay(session, "4242 4242 4242 4242");
		assertThat(paid.statusCode()).isBetween(302, 303);
		assertThat(paid.headers().firstValue("Location"))
			.hasValue("http://localhost:8080/app/billing?session_id=" + session.getId());
		Session completed = this.stripe.v1().checkout().sessions().retrieve(session.getId());
		assertThat(completed.getStatus()).isEqualTo("complete");
		assertThat(completed.getPaymentStatus()).isEqualTo("paid");
		assertThat(completed.getClientReferenceId()).isEqualTo("acct-" + customer.getId());

		Subscription subscription = this.stripe.v1()
			.subscriptions()
			.retrieve(completed.getSubscription(),
					SubscriptionRetrieveParams.builder().addExpand("latest_invoice").build());
		assertThat(subscription.getStatus()).isEqualTo("active");
		assertThat(subscription.getMetadata()).containsEntry("account_id", "acct-" + customer.getId());
		var item = subscription.getItems().getData().get(0);
		assertThat(item.getPrice().getId()).isEqualTo(Simulator.STARTER);
		assertThat(Instant.ofEpochSecond(item.getCurrentPeriodEnd())).isEqualTo(
				Instant.ofEpochSecond(item.getCurrentPeriodStart()).atOffset(ZoneOffset.UTC).plusMonths(1).toInstant());
		Invoice invoice = subscription.getLatestInvoiceObject();
		assertThat(invoice.getStatus()).isEqualTo("paid");
		assertThat(invoice.getAmountPaid()).isEqualTo(2900L);
		assertThat(invoice.getParent().getSubscriptionDetails().getSubscription()).isEqualTo(subscription.getId());
		assertThat(invoice.getLines().getData().get(0).getPricing().getPriceDetails().getPrice())
			.isEqualTo(Simulator.STARTER);

		HttpResponse<String> again = this.simulator.pay(session, "4242 4242 4242 4242");
		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(subscriptionsOf(customer.getId())).hasSize(1);
	}

	@Test
	void checkoutWithATrialStartsTrialingWithAZeroInvoice() throws Exception {
		Customer customer = this.simulator.customer("trial@example.com");
		Session session = this.simulator.session(customer.getId(), Simulator.STARTER, 14L);
		this.simulator.pay(session, "4242424242424242");
		Session completed = this.stripe.v1().checkout().sessions().retrieve(session.getId());
		assertThat(completed.getPaymentStatus()).isEqualTo("no_payment_required");
		Subscription subscription = this.stripe.v1().subscriptions().retrieve(completed.getSubscription());
		assertThat(subscription.getStatus()).isEqualTo("trialing");
		assertThat(subscription.getTrialEnd() - subscription.getTrialStart()).isEqualTo(14 * 86400L);
		Invoice invoice = this.stripe.v1().invoices().retrieve(subscription.getLatestInvoice());
		assertThat(invoice.getTotal()).isZero();
		assertThat(invoice.getStatus()).isEqualTo("paid");
	}

	@Test
	void listsSubscriptionsInPagesAndByStatus() throws Exception {
		Customer customer = this.simulator.customer("pages@example.com");
		for (int i = 0; i < 3; i++) {
			this.simulator.pay(this.simulator.session(customer.getId(), Simulator.STARTER, null), "4242424242424242");
		}
		SubscriptionListParams.Builder byCustomer = SubscriptionListParams.builder()
			.setCustomer(customer.getId())
			.setLimit(2L);
		StripeCollection<Subscription> first = this.stripe.v1().subscriptions().list(byCustomer.build());
		assertThat(first.getData()).hasSize(2);
		assertThat(first.getHasMore()).isTrue();
		StripeCollection<Subscription> second = this.stripe.v1()
			.subscriptions()
			.list(byCustomer.setStartingAfter(first.getData().get(1).getId()).build());
		assertThat(second.getData()).hasSize(1);
		assertThat(second.getHasMore()).isFalse();
		assertThat(first.getData().get(0).getCreated()).isGreaterThanOrEqualTo(second.getData().get(0).getCreated());

		Subscription canceled = this.stripe.v1().subscriptions().cancel(second.getData().get(0).getId());
		assertThat(canceled.getStatus()).isEqualTo("canceled");
		assertThat(canceled.getEndedAt()).isNotNull();
		assertThat(subscriptionsOf(customer.getId())).hasSize(2);
		assertThat(this.stripe.v1()
			.subscriptions()
			.list(SubscriptionListParams.builder()
				.setCustomer(customer.getId())
				.setStatus(SubscriptionListParams.Status.ALL)
				.build())
			.getData()).hasSize(3);
	}

	@Test
	void updatesPriceWithProrationsCancellationAndMetadata() throws Exception {
		String id = this.simulator.subscribe("upgrade@example.com", Simulator.STARTER, null, "4242424242424242");
		Subscription subscription = this.stripe.v1().subscriptions().retrieve(id);
		String item = subscription.getItems().getData().get(0).getId();
		Subscription upgraded = this.stripe.v1()
			.subscriptions()
			.update(id, SubscriptionUpdateParams.builder()
				.addItem(SubscriptionUpdateParams.Item.builder().setId(item).setPrice(Simulator.PROFESSIONAL).build())
				.setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.ALWAYS_INVOICE)
				.putMetadata("account_id", "changed")
				.build());
		assertThat(upgraded.getItems().getData().get(0).getPrice().getId()).isEqualTo(Simulator.PROFESSIONAL);
		assertThat(upgraded.getItems().getData().get(0).getId()).isEqualTo(item);
		assertThat(upgraded.getMetadata()).containsEntry("account_id", "changed");
		Invoice proration = this.stripe.v1().invoices().retrieve(upgraded.getLatestInvoice());
		assertThat(proration.getBillingReason()).isEqualTo("subscription_update");
		assertThat(proration.getLines().getData()).hasSize(2);
		assertThat(proration.getTotal()).isBetween(6900L, 7000L);
		assertThat(proration.getStatus()).isEqualTo("paid");

		Subscription canceling = this.stripe.v1()
			.subscriptions()
			.update(id, SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(true).build());
		assertThat(canceling.getCancelAtPeriodEnd()).isTrue();
		assertThat(canceling.getCancelAt()).isEqualTo(canceling.getItems().getData().get(0).getCurrentPeriodEnd());
		assertThat(canceling.getStatus()).isEqualTo("active");
		Subscription resumed = this.stripe.v1()
			.subscriptions()
			.update(id, SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(false).build());
		assertThat(resumed.getCancelAt()).isNull();
		assertThat(resumed.getCancelAtPeriodEnd()).isFalse();

		List<Invoice> invoices = this.stripe.v1()
			.invoices()
			.list(InvoiceListParams.builder().setSubscription(id).build())
			.getData();
		assertThat(invoices).extracting(Invoice::getBillingReason)
			.containsExactly("subscription_update", "subscription_create");
	}

	@Test
	void listsEventsNewestFirstByTypeAndTime() throws Exception {
		long before = this.stripe.v1()
			.events()
			.list(EventListParams.builder().setLimit(1L).build())
			.getData()
			.stream()
			.map(Event::getCreated)
			.findFirst()
			.orElse(0L);
		String id = this.simulator.subscribe("events@example.com", Simulator.STARTER, null, "4242424242424242");
		EventListParams.Builder filter = EventListParams.builder()
			.addType("customer.subscription.created")
			.addType("checkout.session.completed")
			.setCreated(EventListParams.Created.builder().setGte(before).build())
			.setLimit(1L);
		StripeCollection<Event> newest = this.stripe.v1().events().list(filter.build());
		assertThat(newest.getData()).singleElement()
			.satisfies((event) -> assertThat(event.getType()).isEqualTo("checkout.session.completed"));
		assertThat(newest.getHasMore()).isTrue();
		StripeCollection<Event> next = this.stripe.v1()
			.events()
			.list(filter.setStartingAfter(newest.getData().get(0).getId()).build());
		Event created = next.getData().get(0);
		assertThat(created.getType()).isEqualTo("customer.subscription.created");
		assertThat(created.getApiVersion()).isEqualTo(com.stripe.Stripe.API_VERSION);
		Subscription object = (Subscription) created.getDataObjectDeserializer().getObject().orElseThrow();
		assertThat(object.getId()).isEqualTo(id);
		assertThat(this.stripe.v1().events().retrieve(created.getId()).getType())
			.isEqualTo("customer.subscription.created");
		assertThat(this.stripe.v1()
			.events()
			.list(EventListParams.builder()
				.setType("invoice.*")
				.setCreated(EventListParams.Created.builder().setGt(Instant.now().getEpochSecond() + 86400).build())
				.build())
			.getData()).isEmpty();
	}

	@Test
	void servesTheCatalogsPricesByLookupKey() throws Exception {
		List<Price> prices = this.stripe.v1()
			.prices()
			.list(PriceListParams.builder().addLookupKey("starter_monthly").build())
			.getData();
		assertThat(prices).singleElement().satisfies((price) -> {
			assertThat(price.getId()).isEqualTo(Simulator.STARTER);
			assertThat(price.getUnitAmount()).isEqualTo(2900L);
			assertThat(price.getRecurring().getInterval()).isEqualTo("month");
		});
	}

	@Test
	void customerPortalSwitchesPlanCancelsAndReplacesTheCard() throws Exception {
		String id = this.simulator.subscribe("portal@example.com", Simulator.STARTER, null, "4242424242424242");
		String customer = this.stripe.v1().subscriptions().retrieve(id).getCustomer();
		var session = this.stripe.v1()
			.billingPortal()
			.sessions()
			.create(com.stripe.param.billingportal.SessionCreateParams.builder()
				.setCustomer(customer)
				.setReturnUrl("http://localhost:8080/app/billing")
				.build());
		String path = URI.create(session.getUrl()).getPath();
		HttpResponse<String> page = this.simulator.get(path);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Starter monthly").contains("Return to MindRoom").contains("ending in");

		URI base = URI.create(session.getUrl());
		this.simulator.postForm(URI.create(base + "/plan"),
				Map.of("subscription", id, "price", Simulator.PROFESSIONAL));
		assertThat(this.stripe.v1().subscriptions().retrieve(id).getItems().getData().get(0).getPrice().getId())
			.isEqualTo(Simulator.PROFESSIONAL);
		this.simulator.postForm(URI.create(base + "/cancel"), Map.of("subscription", id));
		assertThat(this.stripe.v1().subscriptions().retrieve(id).getCancelAtPeriodEnd()).isTrue();
		this.simulator.postForm(URI.create(base + "/card"), Map.of("cardNumber", "4000000000000341", "expiry", "1/40"));
		String card = this.stripe.v1().customers().retrieve(customer).getInvoiceSettings().getDefaultPaymentMethod();
		assertThat(this.stripe.v1().paymentMethods().retrieve(card).getCard().getLast4()).isEqualTo("0341");

		String other = this.simulator.subscribe("stranger@example.com", Simulator.STARTER, null, "4242424242424242");
		this.simulator.postForm(URI.create(base + "/cancel"), Map.of("subscription", other));
		assertThat(this.stripe.v1().subscriptions().retrieve(other).getCancelAtPeriodEnd()).isFalse();
	}

	private List<Subscription> subscriptionsOf(String customer) throws Exception {
		return this.stripe.v1()
			.subscriptions()
			.list(SubscriptionListParams.builder().setCustomer(customer).build())
			.getData();
	}

}
