package com.mindroom.stripe.billing;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;

/**
 * The parts of a Stripe subscription the platform keeps (API version 2026-07-29.dahlia:
 * the billing period lives on the items).
 *
 * @param id the Stripe subscription id
 * @param customerId the Stripe customer id
 * @param accountHint {@code metadata.account_id}, if the portal set it
 * @param status the Stripe status
 * @param items what is subscribed to
 * @param trialStart the trial start, if any
 * @param trialEnd the trial end, if any
 * @param cancelAtPeriodEnd whether it ends with the period
 * @param cancelAt a scheduled cancellation, if any
 * @param canceledAt when cancellation was requested, if it was
 * @param endedAt when it ended, if it did
 */
record SubscriptionState(String id, String customerId, String accountHint, String status, List<Item> items,
		Instant trialStart, Instant trialEnd, boolean cancelAtPeriodEnd, Instant cancelAt, Instant canceledAt,
		Instant endedAt) {

	static SubscriptionState from(Subscription subscription) {
		Map<String, String> metadata = subscription.getMetadata();
		List<Item> items = (subscription.getItems() != null && subscription.getItems().getData() != null)
				? subscription.getItems().getData().stream().map(Item::from).toList() : List.of();
		return new SubscriptionState(subscription.getId(), subscription.getCustomer(),
				(metadata != null) ? metadata.get("account_id") : null, subscription.getStatus(), items,
				instant(subscription.getTrialStart()), instant(subscription.getTrialEnd()),
				Boolean.TRUE.equals(subscription.getCancelAtPeriodEnd()), instant(subscription.getCancelAt()),
				instant(subscription.getCanceledAt()), instant(subscription.getEndedAt()));
	}

	static Instant instant(Long epochSeconds) {
		return (epochSeconds != null) ? Instant.ofEpochSecond(epochSeconds) : null;
	}

	/**
	 * One subscription item.
	 *
	 * @param priceId the Stripe price id
	 * @param unitAmount the price per unit in minor units, if it has one
	 * @param currency the price's currency
	 * @param quantity how many units
	 * @param periodStart the start of the current billing period
	 * @param periodEnd the end of the current billing period
	 */
	record Item(String priceId, Long unitAmount, String currency, long quantity, Instant periodStart,
			Instant periodEnd) {

		static Item from(SubscriptionItem item) {
			Price price = item.getPrice();
			return new Item((price != null) ? price.getId() : null, (price != null) ? price.getUnitAmount() : null,
					(price != null) ? price.getCurrency() : null, (item.getQuantity() != null) ? item.getQuantity() : 1,
					instant(item.getCurrentPeriodStart()), instant(item.getCurrentPeriodEnd()));
		}

	}

}
