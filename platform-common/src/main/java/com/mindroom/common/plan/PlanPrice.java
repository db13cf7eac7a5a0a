package com.mindroom.common.plan;

/**
 * One way to pay for a plan.
 *
 * @param interval how often it is billed
 * @param amount the price in minor units of the currency (cents)
 * @param currency the ISO currency code, lower case as Stripe writes it
 * @param stripePriceId the Stripe price id, or {@code null} when the plan is not sold
 * through Stripe
 */
public record PlanPrice(BillingInterval interval, long amount, String currency, String stripePriceId) {

	/**
	 * The amount per month, so yearly prices count fairly in monthly recurring revenue.
	 * @return the monthly amount in minor units
	 */
	public long monthlyAmount() {
		return (this.interval == BillingInterval.YEAR) ? Math.round(this.amount / 12.0) : this.amount;
	}

}
