package com.mindroom.stripesim.system;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * The simulator's settings ({@code mindroom.stripe-sim}).
 *
 * @param webhookUrl where events are delivered ({@code STRIPE_SIM_WEBHOOK_URL})
 * @param webhookSecret the secret that signs them ({@code STRIPE_WEBHOOK_SECRET}, the
 * same value the platform verifies with)
 * @param publicUrl the base URL of the hosted pages as a browser reaches them
 * ({@code STRIPE_SIM_PUBLIC_URL}); empty means the URL the API request came in on
 * @param platformClock whether moving the clock also writes the platform's offset into
 * {@code mindroom.simulated_clock}
 * @param delivery how webhooks are delivered and retried
 * @param billing what the billing engine does over time
 */
@Validated
@ConfigurationProperties("mindroom.stripe-sim")
public record SimulatorProperties(@NotNull URI webhookUrl, @NotBlank(
		message = "set STRIPE_WEBHOOK_SECRET to the secret the platform verifies webhooks with") String webhookSecret,
		String publicUrl, boolean platformClock, @Valid @NotNull Delivery delivery, @Valid @NotNull Billing billing) {

	public SimulatorProperties {
		publicUrl = StringUtils.hasText(publicUrl) ? publicUrl.trim().replaceAll("/+$", "") : null;
	}

	/**
	 * Webhook delivery.
	 *
	 * @param backoff the wait before the first retry; it doubles with each failure
	 * @param maxBackoff the longest wait between two attempts
	 * @param giveUpAfter how long an event is retried before it is marked failed
	 * @param pollInterval how often the queue is checked when nothing wakes the worker
	 * @param timeout how long one delivery may take
	 */
	public record Delivery(@NotNull Duration backoff, @NotNull Duration maxBackoff, @NotNull Duration giveUpAfter,
			@NotNull Duration pollInterval, @NotNull Duration timeout) {

	}

	/**
	 * The billing engine.
	 *
	 * @param retryDays the days between the failed payment attempts of an invoice (smart
	 * retries); after the last one fails the subscription is canceled
	 * @param trialWillEnd how long before a trial ends
	 * {@code customer.subscription.trial_will_end} is sent
	 * @param tick how often real time passing is applied
	 */
	public record Billing(@NotEmpty List<Integer> retryDays, @NotNull Duration trialWillEnd, @NotNull Duration tick) {

	}

}
