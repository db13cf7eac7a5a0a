/**
 * Stripe webhooks: verify, store once, apply billing state and each instance's desired
 * state; backfill missed events.
 */
package com.mindroom.stripe;
