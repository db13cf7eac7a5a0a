/**
 * The Stripe API client configuration every service that talks to Stripe shares.
 */
package com.mindroom.common.stripe;
