package com.mindroom.stripe.webhook;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestDatabase;
import com.mindroom.stripe.test.StripeFixtures;
import com.mindroom.stripe.test.WebhookSender;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.mindroom.stripe.test.StripeFixtures.event;
import static com.mindroom.stripe.test.StripeFixtures.id;
import static com.mindroom.stripe.test.StripeFixtures.sign;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the endpoint accepts and refuses: only deliveries signed with a configured secret
 * within the tolerance are stored; anything else gets a problem detail and stores
 * nothing.
 */
@FreshDatabase
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "mindroom.stripe.secret-key=",
				"mindroom.stripe.webhook-secrets=whsec_test_current, whsec_test_previous",
				"mindroom.stripe-handler.scheduling.enabled=false", "mindroom.stripe-handler.jobs.listen=false" })
class StripeWebhookIntegrationTests {

	private static final String SECRET = "whsec_test_current";

	@Autowired
	private TestDatabase database;

	@Autowired
	private MeterRegistry meters;

	@LocalServerPort
	private int port;

	private WebhookSender stripe;

	private JdbcClient db;

	@BeforeEach
	void setUp() {
		this.stripe = new WebhookSender(this.port, SECRET);
		this.db = JdbcClient.create(this.database.dataSource());
	}

	@Test
	void storesAnEventOfAnUnhandledTypeAsIgnored() {
		String eventId = id("evt");
		HttpResponse<String> response = this.stripe.deliver(unhandled(eventId));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).get("received").asString()).isEqualTo("ignored");
		assertThat(status(eventId)).isEqualTo("ignored");
	}

	@Test
	void acceptsTheOtherConfiguredSecretDuringARotation() {
		String eventId = id("evt");
		String payload = unhandled(eventId);
		assertThat(this.stripe.post(payload, sign(payload, "whsec_test_previous", Instant.now())).statusCode())
			.isEqualTo(200);
		assertThat(status(eventId)).isEqualTo("ignored");
	}

	@Test
	void acknowledgesARepeatedDeliveryWithoutStoringItTwice() {
		String eventId = id("evt");
		String payload = unhandled(eventId);
		this.stripe.deliver(payload);
		HttpResponse<String> again = this.stripe.deliver(payload);
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(json(again).get("received").asString()).isEqualTo("duplicate");
		assertThat(this.db.sql("select count(*) from mindroom.stripe_events where id = ?")
			.param(eventId)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void rejectsADeliveryWithoutSignature() {
		assertRejected(() -> this.stripe.post(unhandled(id("evt")), null), 400, "missing-signature");
	}

	@Test
	void rejectsASignatureMadeWithAnotherSecret() {
		String payload = unhandled(id("evt"));
		assertRejected(() -> this.stripe.post(payload, sign(payload, "whsec_someone_else", Instant.now())), 400,
				"invalid-signature");
	}

	@Test
	void countsSignatureFailuresForTheAlertOnBursts() {
		double missing = signatureFailures("missing-signature");
		double invalid = signatureFailures("invalid-signature");

		this.stripe.post(unhandled(id("evt")), null);
		this.stripe.post(unhandled(id("evt")), sign(unhandled(id("evt")), "whsec_forged", Instant.now()));
		this.stripe.post(unhandled(id("evt")), "t=yesterday,v1=abc");
		String genuine = unhandled(id("evt"));
		this.stripe.post(genuine, sign(genuine, SECRET, Instant.now()));

		assertThat(signatureFailures("missing-signature")).isEqualTo(missing + 1);
		assertThat(signatureFailures("invalid-signature")).isEqualTo(invalid + 2);
	}

	@Test
	void gaugesTheEventsThatCouldNotBeApplied() {
		double before = this.meters.get("mindroom.stripe.events.failed").gauge().value();
		this.db.sql("""
				insert into mindroom.stripe_events (id, type, stripe_created_at, payload, status)
				values (?, 'invoice.paid', now(), '{}', 'failed')
				""").param(id("evt")).update();

		assertThat(this.meters.get("mindroom.stripe.events.failed").gauge().value()).isEqualTo(before + 1);
	}

	private double signatureFailures(String reason) {
		return this.meters.get("mindroom.stripe.webhook.signature.failures").tag("reason", reason).counter().count();
	}

	@Test
	void rejectsATamperedBody() {
		String payload = unhandled(id("evt"));
		String signature = sign(payload, SECRET, Instant.now());
		assertRejected(() -> this.stripe.post(payload.replace("\"livemode\":false", "\"livemode\":true"), signature),
				400, "invalid-signature");
	}

	@Test
	void rejectsATimestampOutsideTheTolerance() {
		String payload = unhandled(id("evt"));
		assertRejected(() -> this.stripe.post(payload, sign(payload, SECRET, Instant.now().minusSeconds(301))), 400,
				"invalid-signature");
		assertRejected(() -> this.stripe.post(payload, sign(payload, SECRET, Instant.now().plusSeconds(301))), 400,
				"invalid-signature");
	}

	@Test
	void rejectsAMalformedSignatureHeader() {
		assertRejected(() -> this.stripe.post(unhandled(id("evt")), "t=yesterday,v1=abc"), 400, "invalid-signature");
	}

	@Test
	void rejectsUnparsableJsonEvenWhenSigned() {
		assertRejected(() -> this.stripe.deliver("{\"id\": \"evt_broken\", \"type\": "), 400, "invalid-payload");
		assertRejected(
				() -> this.stripe.deliver(
						"{'id': 'evt_lenient', type: 'product.created', 'created': 1," + " 'data': {'object': {}}}"),
				400, "invalid-payload");
		assertRejected(() -> this.stripe.deliver("{\"id\": \"not_an_event\", \"object\": \"event\"}"), 400,
				"invalid-payload");
	}

	@Test
	void rejectsABodyOverTheLimit() {
		String big = "{\"padding\":\"" + "x".repeat(513 * 1024) + "\"}";
		assertRejected(() -> this.stripe.deliver(big), 413, "payload-too-large");
	}

	@Test
	void rejectsOtherMethods() {
		HttpResponse<String> response = this.stripe.send(HttpRequest.newBuilder(this.stripe.uri()).GET().build());
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).contains("application/problem+json"));
	}

	private void assertRejected(Supplier<HttpResponse<String>> delivery, int status, String type) {
		long stored = countEvents();
		HttpResponse<String> response = delivery.get();
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((contentType) -> assertThat(contentType).contains("application/problem+json"));
		assertThat(json(response).get("type").asString()).endsWith("/" + type);
		assertThat(countEvents()).isEqualTo(stored);
	}

	private long countEvents() {
		return this.db.sql("select count(*) from mindroom.stripe_events").query(Long.class).single();
	}

	private String status(String eventId) {
		return this.db.sql("select status from mindroom.stripe_events where id = ?")
			.param(eventId)
			.query(String.class)
			.single();
	}

	private static String unhandled(String eventId) {
		return event(eventId, "product.created", Instant.now(), StripeFixtures.customer(id("cus")));
	}

	private static JsonNode json(HttpResponse<String> response) {
		return StripeFixtures.JSON.readTree(response.body());
	}

}
