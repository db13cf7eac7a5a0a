/**
 * The products and prices the simulator sells: the platform's plan catalog, with the same
 * Stripe price ids.
 */
package com.mindroom.stripesim.catalog;
