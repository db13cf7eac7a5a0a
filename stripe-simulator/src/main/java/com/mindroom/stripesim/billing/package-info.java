/**
 * What Stripe's billing does: customers and their cards, checkout, subscriptions,
 * invoices and payments, prorations, and the billing engine that runs as the clock moves.
 */
package com.mindroom.stripesim.billing;
