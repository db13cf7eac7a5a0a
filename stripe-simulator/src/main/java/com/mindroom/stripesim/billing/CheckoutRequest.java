package com.mindroom.stripesim.billing;

import java.util.Map;

/**
 * A checkout session to create.
 *
 * @param mode the mode (only {@code subscription} is simulated)
 * @param customer an existing customer, or {@code null}
 * @param customerEmail the email to prefill for a new customer
 * @param clientReferenceId the caller's reference
 * @param priceId the price of the single line item
 * @param quantity its quantity
 * @param successUrl where the customer goes after paying ({@code {CHECKOUT_SESSION_ID}}
 * is replaced)
 * @param cancelUrl where the customer goes when they go back
 * @param metadata the session's metadata
 * @param subscriptionMetadata the metadata the subscription gets
 * @param trialDays the subscription's trial in days, or {@code null}
 */
public record CheckoutRequest(String mode, String customer, String customerEmail, String clientReferenceId,
		String priceId, Long quantity, String successUrl, String cancelUrl, Map<String, String> metadata,
		Map<String, String> subscriptionMetadata, Long trialDays) {

}
