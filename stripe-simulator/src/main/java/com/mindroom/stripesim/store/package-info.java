/**
 * Durable simulator state: every Stripe object as a JSONB document in the
 * {@code stripe_sim} schema, serialized writes and list queries with Stripe's pagination.
 */
package com.mindroom.stripesim.store;
