/**
 * The Stripe API the platform calls ({@code /v1/**}): form-encoded requests as
 * stripe-java sends them, Bearer secret-key auth, idempotency keys and Stripe's error
 * shapes.
 */
package com.mindroom.stripesim.api;
