package com.mindroom.stripe.billing;

/**
 * An event that cannot be applied as things stand (an account that is not linked yet, a
 * price that is not in the plan catalog): it stays in the inbox with this message, which
 * admins see, and is retried.
 */
public class CannotApplyException extends RuntimeException {

	CannotApplyException(String message) {
		super(message);
	}

	static CannotApplyException unknownCustomer(String customerId) {
		return new CannotApplyException("No account is linked to Stripe customer " + customerId
				+ " (no client_reference_id, metadata.account_id or stored link yet)");
	}

	static CannotApplyException unknownAccount(String source, String value) {
		return new CannotApplyException("Unknown account '" + value + "' in " + source);
	}

	static CannotApplyException unknownPrice(String priceId) {
		return new CannotApplyException(
				"Stripe price " + priceId + " is not in the plan catalog (STRIPE_PRICE_<PLAN>_<INTERVAL>)");
	}

}
