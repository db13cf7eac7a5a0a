package com.mindroom.stripesim.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import com.mindroom.common.plan.BillingInterval;
import com.mindroom.common.plan.Plan;
import com.mindroom.common.plan.PlanCatalog;
import com.mindroom.common.plan.PlanCatalog.PricedPlan;
import com.mindroom.common.plan.PlanPrice;

import org.springframework.stereotype.Component;

/**
 * The platform's {@link PlanCatalog} as Stripe products ({@code prod_<plan>}) and
 * recurring prices (the configured {@code STRIPE_PRICE_*} ids, lookup keys
 * {@code <plan>_<monthly|yearly>}).
 */
@Component
public class Catalog {

	/** When the catalog's objects say they were created: 2025-01-01T00:00:00Z. */
	static final long CREATED = 1735689600L;

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private final PlanCatalog plans;

	Catalog(PlanCatalog plans) {
		this.plans = plans;
	}

	/**
	 * The plans sold through Stripe, with their prices.
	 * @return every plan and price with a Stripe price id
	 */
	public List<PricedPlan> offers() {
		List<PricedPlan> offers = new ArrayList<>();
		for (Plan plan : this.plans.all()) {
			for (BillingInterval interval : BillingInterval.values()) {
				plan.price(interval)
					.filter((price) -> price.stripePriceId() != null)
					.ifPresent((price) -> offers.add(new PricedPlan(plan, price)));
			}
		}
		return offers;
	}

	public Optional<PricedPlan> offer(String priceId) {
		return this.plans.findByStripePrice(priceId);
	}

	public List<ObjectNode> prices() {
		return offers().stream().map(Catalog::price).toList();
	}

	public Optional<ObjectNode> price(String id) {
		return offer(id).map(Catalog::price);
	}

	public List<ObjectNode> products() {
		return this.plans.all().stream().filter((plan) -> !offersOf(plan).isEmpty()).map(this::product).toList();
	}

	public Optional<ObjectNode> product(String id) {
		return products().stream().filter((product) -> product.get("id").stringValue().equals(id)).findFirst();
	}

	/**
	 * A price in the legacy {@code plan} shape that subscription items still carry.
	 * @param offer the plan and price
	 * @return the plan object
	 */
	public static ObjectNode legacyPlan(PricedPlan offer) {
		PlanPrice price = offer.price();
		ObjectNode plan = nodes.objectNode();
		plan.put("id", price.stripePriceId());
		plan.put("object", "plan");
		plan.put("active", true);
		plan.put("amount", price.amount());
		plan.put("amount_decimal", Long.toString(price.amount()));
		plan.put("billing_scheme", "per_unit");
		plan.put("created", CREATED);
		plan.put("currency", price.currency());
		plan.put("interval", price.interval().stripeValue());
		plan.put("interval_count", 1);
		plan.put("livemode", false);
		plan.putObject("metadata").put("plan", offer.plan().id());
		plan.putNull("meter");
		plan.put("nickname", nickname(offer));
		plan.put("product", productId(offer.plan()));
		plan.putNull("tiers_mode");
		plan.putNull("transform_usage");
		plan.putNull("trial_period_days");
		plan.put("usage_type", "licensed");
		return plan;
	}

	/**
	 * A price object.
	 * @param offer the plan and price
	 * @return the price as the API serves it
	 */
	public static ObjectNode price(PricedPlan offer) {
		PlanPrice price = offer.price();
		ObjectNode node = nodes.objectNode();
		node.put("id", price.stripePriceId());
		node.put("object", "price");
		node.put("active", true);
		node.put("billing_scheme", "per_unit");
		node.put("created", CREATED);
		node.put("currency", price.currency());
		node.putNull("custom_unit_amount");
		node.put("livemode", false);
		node.put("lookup_key", lookupKey(offer));
		node.putObject("metadata").put("plan", offer.plan().id());
		node.put("nickname", nickname(offer));
		node.put("product", productId(offer.plan()));
		ObjectNode recurring = node.putObject("recurring");
		recurring.put("interval", price.interval().stripeValue());
		recurring.put("interval_count", 1);
		recurring.putNull("meter");
		recurring.putNull("trial_period_days");
		recurring.put("usage_type", "licensed");
		node.put("tax_behavior", "unspecified");
		node.putNull("tiers_mode");
		node.putNull("transform_quantity");
		node.put("type", "recurring");
		node.put("unit_amount", price.amount());
		node.put("unit_amount_decimal", Long.toString(price.amount()));
		return node;
	}

	private ObjectNode product(Plan plan) {
		ObjectNode node = nodes.objectNode();
		node.put("id", productId(plan));
		node.put("object", "product");
		node.put("active", true);
		node.put("created", CREATED);
		node.put("default_price", offersOf(plan).get(0).price().stripePriceId());
		node.put("description", plan.description());
		node.putArray("images");
		node.put("livemode", false);
		node.putArray("marketing_features");
		node.putObject("metadata").put("plan", plan.id());
		node.put("name", "MindRoom " + plan.name());
		node.putNull("package_dimensions");
		node.putNull("shippable");
		node.putNull("statement_descriptor");
		node.putNull("tax_code");
		node.put("type", "service");
		node.putNull("unit_label");
		node.put("updated", CREATED);
		node.putNull("url");
		return node;
	}

	private List<PricedPlan> offersOf(Plan plan) {
		return offers().stream().filter((offer) -> offer.plan().id().equals(plan.id())).toList();
	}

	public static String productId(Plan plan) {
		return "prod_" + plan.id();
	}

	public static String lookupKey(PricedPlan offer) {
		return offer.plan().id() + "_" + intervalWord(offer.price().interval());
	}

	/**
	 * Describes a price for people: "Starter monthly".
	 * @param offer the plan and price
	 * @return the description
	 */
	public static String nickname(PricedPlan offer) {
		return offer.plan().name() + " " + intervalWord(offer.price().interval());
	}

	private static String intervalWord(BillingInterval interval) {
		return interval.stripeValue().toLowerCase(Locale.ROOT) + "ly";
	}

}
