package com.mindroom.stripesim.billing;

import java.util.Map;

import com.mindroom.common.plan.PlanCatalog.PricedPlan;

/**
 * A subscription that checkout starts.
 *
 * @param customer the customer id
 * @param offer the plan and price
 * @param metadata the subscription's metadata
 * @param trialDays the trial's length in days, or {@code null} for none
 * @param paymentMethod the card it charges
 */
public record NewSubscription(String customer, PricedPlan offer, Map<String, String> metadata, Integer trialDays,
		String paymentMethod) {

}
