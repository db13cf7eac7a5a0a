package com.mindroom.common.plan;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.util.StringUtils;

/**
 * The plans on offer (DESIGN.md section 3) and the map from Stripe price ids back to
 * plans.
 */
public final class PlanCatalog {

	private final Map<String, Plan> plans;

	private final Map<String, PricedPlan> byStripePrice;

	public PlanCatalog(List<Plan> plans) {
		this.plans = new LinkedHashMap<>();
		this.byStripePrice = new LinkedHashMap<>();
		for (Plan plan : plans) {
			if (this.plans.putIfAbsent(plan.id(), plan) != null) {
				throw new IllegalArgumentException("Plan '" + plan.id() + "' is configured twice");
			}
			plan.prices().values().forEach((price) -> index(plan, price));
		}
	}

	private void index(Plan plan, PlanPrice price) {
		if (StringUtils.hasText(price.stripePriceId())
				&& this.byStripePrice.putIfAbsent(price.stripePriceId(), new PricedPlan(plan, price)) != null) {
			throw new IllegalArgumentException("Stripe price '" + price.stripePriceId() + "' is used by two plans");
		}
	}

	public static PlanCatalog from(PlanProperties properties) {
		List<Plan> plans = new ArrayList<>();
		properties.catalog().forEach((id, definition) -> plans.add(toPlan(id, definition)));
		return new PlanCatalog(plans);
	}

	private static Plan toPlan(String id, PlanProperties.PlanDefinition definition) {
		Map<BillingInterval, PlanPrice> prices = new EnumMap<>(BillingInterval.class);
		if (definition.prices() != null) {
			definition.prices().forEach((interval, price) -> {
				BillingInterval parsed = BillingInterval.parse(interval);
				prices.put(parsed, new PlanPrice(parsed, price.amount(), price.currency().toLowerCase(Locale.ROOT),
						StringUtils.hasText(price.stripePriceId()) ? price.stripePriceId().trim() : null));
			});
		}
		Limits limits = (definition.limits() != null) ? definition.limits() : new Limits(null, null, null);
		return new Plan(id, definition.name(), definition.description(), definition.selfServe(), limits,
				definition.resources(), prices);
	}

	public List<Plan> all() {
		return List.copyOf(this.plans.values());
	}

	public Optional<Plan> find(String id) {
		return Optional.ofNullable((id != null) ? this.plans.get(id.toLowerCase(Locale.ROOT)) : null);
	}

	/**
	 * Returns the plan with the given id.
	 * @param id the plan id
	 * @return the plan
	 * @throws UnknownPlanException when there is no such plan
	 */
	public Plan require(String id) {
		return find(id).orElseThrow(() -> new UnknownPlanException("Unknown plan '" + id + "'"));
	}

	/**
	 * Finds which plan a Stripe price sells; an unknown price is never guessed.
	 * @param stripePriceId the Stripe price id
	 * @return the plan and price, if the price is in the catalog
	 */
	public Optional<PricedPlan> findByStripePrice(String stripePriceId) {
		return Optional.ofNullable((stripePriceId != null) ? this.byStripePrice.get(stripePriceId) : null);
	}

	/**
	 * A plan together with the price it is bought at.
	 *
	 * @param plan the plan
	 * @param price the price
	 */
	public record PricedPlan(Plan plan, PlanPrice price) {

	}

}
