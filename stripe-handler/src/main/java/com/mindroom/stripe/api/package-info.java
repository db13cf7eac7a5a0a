/**
 * Outgoing calls to the Stripe API, paced to Stripe's rate limit and retried when Stripe
 * asks to slow down.
 */
package com.mindroom.stripe.api;
