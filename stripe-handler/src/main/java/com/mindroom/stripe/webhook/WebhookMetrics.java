package com.mindroom.stripe.webhook;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Counts deliveries refused for their signature
 * ({@code mindroom.stripe.webhook.signature.failures}, by reason): a burst means a wrong
 * or rotated secret, or someone posting forged events. The counters exist from the start,
 * so the alert sees a zero before the first failure.
 */
@Component
class WebhookMetrics {

	private final Map<String, Counter> failures;

	WebhookMetrics(MeterRegistry registry) {
		this.failures = Stream.of("missing-signature", "invalid-signature")
			.collect(Collectors.toMap(Function.identity(),
					(reason) -> Counter.builder("mindroom.stripe.webhook.signature.failures")
						.description("Stripe webhook deliveries refused for their signature")
						.tag("reason", reason)
						.register(registry)));
	}

	/**
	 * Counts a delivery refused for its signature.
	 * @param reason {@code missing-signature} or {@code invalid-signature}
	 */
	void refused(String reason) {
		this.failures.get(reason).increment();
	}

}
