package com.mindroom.stripe.webhook;

import java.time.Instant;
import java.util.List;

import com.stripe.model.Event;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.mindroom.common.stripe.StripeProperties;
import com.mindroom.stripe.test.StripeFixtures;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Verification without a configured secret refuses every delivery, says so at start-up,
 * and never logs a secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class WebhookVerifierTests {

	@Test
	void withoutASecretRefusesEveryDeliveryAndSaysSoAtStartUp(CapturedOutput output) {
		WebhookVerifier verifier = new WebhookVerifier(new StripeProperties(null, null, List.of(), null), metrics());
		assertThat(output).contains("No Stripe webhook signing secret is configured (STRIPE_WEBHOOK_SECRET)");
		String payload = StripeFixtures.event(StripeFixtures.id("evt"), "product.created", Instant.now(),
				StripeFixtures.customer("cus_1"));
		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(() -> verifier.verify(payload, StripeFixtures.sign(payload, "whsec_any", Instant.now())))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
	}

	@Test
	void verifiesWithTheConfiguredSecretAndLogsNoSecret(CapturedOutput output) {
		WebhookVerifier verifier = new WebhookVerifier(
				new StripeProperties(null, null, List.of("whsec_secret_value"), null), metrics());
		String eventId = StripeFixtures.id("evt");
		String payload = StripeFixtures.event(eventId, "product.created", Instant.now(),
				StripeFixtures.customer("cus_1"));
		Event event = verifier.verify(payload, StripeFixtures.sign(payload, "whsec_secret_value", Instant.now()));
		assertThat(event.getId()).isEqualTo(eventId);
		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(() -> verifier.verify(payload, StripeFixtures.sign(payload, "whsec_other", Instant.now())));
		assertThat(output).doesNotContain("whsec_secret_value").doesNotContain("whsec_other");
	}

	private static WebhookMetrics metrics() {
		return new WebhookMetrics(new SimpleMeterRegistry());
	}

}
