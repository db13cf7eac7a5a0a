/**
 * The webhook inbox: every Stripe event stored once, keyed by Stripe's id, applied in the
 * transaction that stores it, and retried with backoff when it cannot be applied yet.
 */
package com.mindroom.stripe.inbox;
