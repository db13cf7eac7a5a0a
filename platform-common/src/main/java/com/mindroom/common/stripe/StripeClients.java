package com.mindroom.common.stripe;

import com.stripe.StripeClient;

/**
 * Creates stripe-java clients from {@link StripeProperties}: the configured secret key,
 * pointed at the configured API base, so tests and the local simulator are reached the
 * same way as Stripe. The client does not retry on its own; callers decide how to pace
 * and retry their calls.
 */
public final class StripeClients {

	private StripeClients() {
	}

	/**
	 * Creates a client.
	 * @param properties the Stripe settings
	 * @return a client for the configured API base
	 * @throws IllegalStateException when no secret key is configured
	 */
	public static StripeClient create(StripeProperties properties) {
		if (!properties.hasSecretKey()) {
			throw new IllegalStateException("No Stripe secret key is configured (STRIPE_SECRET_KEY)");
		}
		return StripeClient.builder()
			.setApiKey(properties.secretKey())
			.setApiBase(properties.apiBase())
			.setMaxNetworkRetries(0)
			.build();
	}

}
