package com.mindroom.stripe.billing;

import java.util.UUID;

/**
 * Published (in the applying transaction) when a Stripe customer is linked to an account,
 * so events that failed for want of that link are retried at once.
 *
 * @param accountId the account
 * @param customerId the Stripe customer id
 */
public record CustomerLinked(UUID accountId, String customerId) {

}
