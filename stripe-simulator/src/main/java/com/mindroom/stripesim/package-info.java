/**
 * The local Stripe simulator service.
 */
package com.mindroom.stripesim;
