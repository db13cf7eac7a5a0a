/**
 * The Stripe webhook inbox: filters, redacted payloads, reprocessing and the backfill and
 * resync jobs.
 */
package com.mindroom.admin.stripe;
