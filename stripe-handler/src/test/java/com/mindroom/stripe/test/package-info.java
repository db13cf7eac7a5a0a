/**
 * Test support: realistic Stripe objects and events, signed deliveries and a clock tests
 * can move.
 */
package com.mindroom.stripe.test;
