package com.mindroom.portal.billing;

/**
 * Payments cannot be taken: no Stripe secret key is configured for this portal.
 */
public class PaymentsUnavailableException extends RuntimeException {

	PaymentsUnavailableException() {
		super("Payments are not available right now; please try again later or contact support.");
	}

}
