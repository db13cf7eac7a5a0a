/**
 * The Stripe webhook endpoint: reads the raw body, verifies its signature and hands the
 * event to the inbox before answering.
 */
package com.mindroom.stripe.webhook;
