/**
 * The Stripe webhook inbox: filters, redacted payloads, reprocessing, the backfill and
 * resync jobs, and the stripe-handler's other jobs.
 */
package com.mindroom.admin.stripe;
