/**
 * Catching up with Stripe: the backfill of missed events, the full resync of
 * subscriptions, and the admin-requested jobs that run them.
 */
package com.mindroom.stripe.backfill;
