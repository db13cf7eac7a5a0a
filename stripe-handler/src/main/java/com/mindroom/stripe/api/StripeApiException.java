package com.mindroom.stripe.api;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;

/**
 * A Stripe API call that failed; the message names the call and Stripe's error, never the
 * key.
 */
public class StripeApiException extends RuntimeException {

	private final transient StripeException stripeError;

	StripeApiException(String call, StripeException cause) {
		super("Stripe API call '" + call + "' failed: " + describe(cause), cause);
		this.stripeError = cause;
	}

	/**
	 * Whether trying again later may succeed: Stripe asked us to slow down (429), could
	 * not be reached, or failed on its side.
	 * @return whether the call may be retried
	 */
	boolean retryable() {
		if (this.stripeError instanceof RateLimitException || this.stripeError instanceof ApiConnectionException) {
			return true;
		}
		Integer status = this.stripeError.getStatusCode();
		return status != null && (status == 429 || status >= 500);
	}

	boolean notFound() {
		Integer status = this.stripeError.getStatusCode();
		return status != null && status == 404;
	}

	private static String describe(StripeException cause) {
		Integer status = cause.getStatusCode();
		return ((status != null) ? "HTTP " + status + ", " : "") + cause.getClass().getSimpleName()
				+ ((cause.getCode() != null) ? " (" + cause.getCode() + ")" : "");
	}

}
