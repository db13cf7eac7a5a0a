package com.mindroom.common.plan;

import java.util.Map;
import java.util.Optional;

/**
 * A plan of the catalog.
 *
 * @param id the plan's id ({@code free}, {@code starter}, ...), as stored on
 * subscriptions and instances
 * @param name the display name
 * @param description one line for the plans page
 * @param selfServe whether customers buy it through checkout (Enterprise is
 * sales-assisted)
 * @param limits what the plan allows
 * @param resources what the plan's instance runs on
 * @param prices the plan's prices by billing interval (none for free and sales-assisted
 * plans)
 */
public record Plan(String id, String name, String description, boolean selfServe, Limits limits,
		ResourceProfile resources, Map<BillingInterval, PlanPrice> prices) {

	public Plan {
		prices = Map.copyOf(prices);
	}

	public Optional<PlanPrice> price(BillingInterval interval) {
		return Optional.ofNullable(this.prices.get(interval));
	}

	/**
	 * Whether customers get the plan without paying: self-serve with no price.
	 * @return whether the plan is free
	 */
	public boolean free() {
		return this.selfServe && this.prices.isEmpty();
	}

}
