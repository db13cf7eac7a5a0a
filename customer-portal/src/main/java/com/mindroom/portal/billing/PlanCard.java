package com.mindroom.portal.billing;

import java.util.List;

import com.mindroom.common.plan.BillingInterval;
import com.mindroom.common.plan.Limits;
import com.mindroom.common.plan.Plan;
import com.mindroom.common.plan.PlanCatalog;
import com.mindroom.common.plan.PlanPrice;

/**
 * A plan as the landing and billing pages show it.
 *
 * @param id the plan id
 * @param name its name
 * @param description one line about it
 * @param monthly the monthly price text, if it has one
 * @param yearly the yearly price text, if it has one
 * @param features the limits as lines
 * @param free whether it is the Free plan
 * @param salesAssisted whether it is sold by our sales team (Enterprise)
 */
public record PlanCard(String id, String name, String description, String monthly, String yearly, List<String> features,
		boolean free, boolean salesAssisted) {

	public static List<PlanCard> all(PlanCatalog catalog) {
		return catalog.all().stream().map(PlanCard::of).toList();
	}

	static PlanCard of(Plan plan) {
		return new PlanCard(plan.id(), plan.name(), plan.description(), price(plan, BillingInterval.MONTH),
				price(plan, BillingInterval.YEAR), features(plan.limits()), plan.free(), !plan.selfServe());
	}

	private static String price(Plan plan, BillingInterval interval) {
		return plan.price(interval)
			.filter((price) -> price.stripePriceId() != null && price.amount() > 0)
			.map((PlanPrice price) -> Money.price(price.amount(), price.currency()))
			.orElse(null);
	}

	static List<String> features(Limits limits) {
		return List.of(limits.unlimitedAgents() ? "Unlimited agents" : plural(limits.agents(), "agent"),
				limits.unlimitedMessages() ? "Unlimited messages"
						: String.format(java.util.Locale.ROOT, "%,d messages a day", limits.messagesPerDay()),
				limits.unlimitedStorage() ? "Unlimited storage" : limits.storageGb() + " GB storage");
	}

	private static String plural(int count, String noun) {
		return count + " " + noun + ((count == 1) ? "" : "s");
	}

}
