/**
 * Cross-cutting configuration of the Stripe Handler service.
 */
package com.mindroom.stripe.system;
