package com.mindroom.stripe.api;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.StripeCollection;
import com.stripe.model.Subscription;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.EventListParams;
import com.stripe.param.SubscriptionListParams;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.stripe.system.StripeHandlerProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The Stripe API as the handler uses it: every call waits for a permit of a rate limiter
 * (25 requests/s by default, Stripe's test-mode limit) and is retried with exponential
 * backoff when Stripe answers 429, cannot be reached or fails on its side. Without a
 * secret key there is no client and {@link #enabled()} is false.
 */
@Component
public class StripeApi {

	private static final Logger logger = LoggerFactory.getLogger(StripeApi.class);

	private final StripeClient client;

	private final RateLimiter rateLimiter;

	private final Retry retry;

	private final long pageSize;

	StripeApi(ObjectProvider<StripeClient> client, StripeHandlerProperties properties) {
		this.client = client.getIfAvailable();
		StripeHandlerProperties.Api api = properties.api();
		this.rateLimiter = RateLimiter.of("stripe-api",
				RateLimiterConfig.custom()
					.limitForPeriod(api.requestsPerSecond())
					.limitRefreshPeriod(Duration.ofSeconds(1))
					.timeoutDuration(api.permitTimeout())
					.build());
		this.retry = Retry.of("stripe-api",
				RetryConfig.custom()
					.maxAttempts(api.retryAttempts())
					.intervalFunction(IntervalFunction.ofExponentialBackoff(api.retryBackoff(), 2.0))
					.retryOnException((ex) -> ex instanceof StripeApiException failure && failure.retryable())
					.build());
		this.retry.getEventPublisher()
			.onRetry((event) -> logger.info("Retrying Stripe call (attempt {}): {}", event.getNumberOfRetryAttempts(),
					event.getLastThrowable().getMessage()));
		this.pageSize = api.pageSize();
	}

	public boolean enabled() {
		return this.client != null;
	}

	/**
	 * Fetches the current state of a subscription.
	 * @param id the Stripe subscription id
	 * @return the subscription, or empty when Stripe does not know it
	 */
	public Optional<Subscription> subscription(String id) {
		try {
			return Optional.of(call("retrieve subscription", () -> this.client.v1().subscriptions().retrieve(id)));
		}
		catch (StripeApiException ex) {
			if (ex.notFound()) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	/**
	 * Lists one page of events.
	 * @param params the filter (the page size is set here)
	 * @return the page
	 */
	public StripeCollection<Event> events(EventListParams.Builder params) {
		EventListParams page = params.setLimit(this.pageSize).build();
		return call("list events", () -> this.client.v1().events().list(page));
	}

	/**
	 * Lists one page of subscriptions.
	 * @param params the filter (the page size is set here)
	 * @return the page
	 */
	public StripeCollection<Subscription> subscriptions(SubscriptionListParams.Builder params) {
		SubscriptionListParams page = params.setLimit(this.pageSize).build();
		return call("list subscriptions", () -> this.client.v1().subscriptions().list(page));
	}

	/**
	 * Cancels a subscription at once (Stripe then sends
	 * {@code customer.subscription.deleted}).
	 * @param id the Stripe subscription id
	 * @return whether Stripe knew the subscription
	 */
	public boolean cancelSubscription(String id) {
		try {
			call("cancel subscription", () -> this.client.v1().subscriptions().cancel(id));
			return true;
		}
		catch (StripeApiException ex) {
			if (ex.notFound()) {
				return false;
			}
			throw ex;
		}
	}

	/**
	 * Sets a customer's email (where Stripe sends receipts and its own emails).
	 * @param id the Stripe customer id
	 * @param email the address
	 */
	public void updateCustomerEmail(String id, String email) {
		CustomerUpdateParams params = CustomerUpdateParams.builder().setEmail(email).build();
		call("update customer", () -> this.client.v1().customers().update(id, params));
	}

	private <T> T call(String name, StripeCall<T> call) {
		if (this.client == null) {
			throw new IllegalStateException("The Stripe API is not configured (STRIPE_SECRET_KEY)");
		}
		Supplier<T> paced = RateLimiter.decorateSupplier(this.rateLimiter, () -> invoke(name, call));
		return Retry.decorateSupplier(this.retry, paced).get();
	}

	private <T> T invoke(String name, StripeCall<T> call) {
		try {
			T result = call.run();
			logger.debug("Stripe call '{}' succeeded", name);
			return result;
		}
		catch (StripeException ex) {
			throw new StripeApiException(name, ex);
		}
	}

	@FunctionalInterface
	private interface StripeCall<T> {

		T run() throws StripeException;

	}

}
