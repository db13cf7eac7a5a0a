package com.mindroom.stripesim.billing;

import java.util.Map;

/**
 * The changes a subscription update asks for; {@code null} leaves a field as it is.
 *
 * @param itemId the item whose price changes ({@code items[0][id]}), or {@code null} for
 * the subscription's only item
 * @param priceId the new price ({@code items[0][price]})
 * @param prorationBehavior {@code create_prorations} (default), {@code always_invoice} or
 * {@code none}
 * @param cancelAtPeriodEnd whether it ends at the end of the period
 * @param cancelAt when it ends ({@code cancelAtCleared} removes a scheduled end)
 * @param cancelAtCleared whether the request cleared {@code cancel_at}
 * @param metadata metadata keys to set (an empty value removes the key)
 */
public record SubscriptionUpdate(String itemId, String priceId, String prorationBehavior, Boolean cancelAtPeriodEnd,
		Long cancelAt, boolean cancelAtCleared, Map<String, String> metadata) {

	public static SubscriptionUpdate price(String priceId, String prorationBehavior) {
		return new SubscriptionUpdate(null, priceId, prorationBehavior, null, null, false, null);
	}

	public static SubscriptionUpdate cancelAtPeriodEnd(boolean cancel) {
		return new SubscriptionUpdate(null, null, null, cancel, null, false, null);
	}

	boolean changesOnlyMetadata() {
		return this.priceId == null && this.cancelAtPeriodEnd == null && this.cancelAt == null && !this.cancelAtCleared;
	}

}
