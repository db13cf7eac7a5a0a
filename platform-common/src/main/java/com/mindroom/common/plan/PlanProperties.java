package com.mindroom.common.plan;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The plan catalog as configured under {@code mindroom.plans}, in display order.
 *
 * @param catalog the plans by id
 */
@Validated
@ConfigurationProperties("mindroom.plans")
public record PlanProperties(@NotEmpty Map<String, @Valid PlanDefinition> catalog) {

	public PlanProperties {
		catalog = (catalog != null) ? new LinkedHashMap<>(catalog) : Map.of();
	}

	/**
	 * One configured plan.
	 *
	 * @param name the display name
	 * @param description one line for the plans page
	 * @param selfServe whether customers buy it through checkout
	 * @param limits the plan's limits (omitted, or each omitted limit, means unlimited)
	 * @param resources the plan's resource profile
	 * @param prices the prices by interval ({@code month}, {@code year})
	 */
	public record PlanDefinition(@NotBlank String name, String description, boolean selfServe, Limits limits,
			@NotNull ResourceProfile resources, Map<String, @Valid PriceDefinition> prices) {

	}

	/**
	 * One configured price.
	 *
	 * @param amount the amount in minor units
	 * @param currency the currency code
	 * @param stripePriceId the Stripe price id ({@code STRIPE_PRICE_<PLAN>_<INTERVAL>})
	 */
	public record PriceDefinition(@PositiveOrZero long amount, @NotBlank String currency, String stripePriceId) {

	}

}
