/**
 * Rate limits: per client address for anonymous traffic, per account for signed-in
 * traffic, much stricter on sign-in, sign-up and password reset; in Redis when one is
 * configured, in memory otherwise.
 */
package com.mindroom.gateway.ratelimit;
