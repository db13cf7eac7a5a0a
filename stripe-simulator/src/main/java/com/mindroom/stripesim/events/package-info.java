/**
 * Stripe events: recorded as the simulator's objects change, and delivered to the
 * platform's webhook endpoint, signed, from a durable queue with retries.
 */
package com.mindroom.stripesim.events;
