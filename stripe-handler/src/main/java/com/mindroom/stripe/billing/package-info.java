/**
 * Applies Stripe events to billing state (accounts, subscriptions, invoices) and, through
 * the shared lifecycle, to what each instance should be doing.
 */
package com.mindroom.stripe.billing;
