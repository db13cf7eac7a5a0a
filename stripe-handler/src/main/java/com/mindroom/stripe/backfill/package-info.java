/**
 * Catching up with Stripe: the backfill of missed events, the full resync of
 * subscriptions, the admin-requested jobs that run them, and the jobs that carry a
 * customer's new email to Stripe.
 */
package com.mindroom.stripe.backfill;
