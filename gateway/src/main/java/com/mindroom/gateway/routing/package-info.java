/**
 * Where requests go: the downstream services, their circuit breakers, the paths that are
 * never passed on, and readiness that reflects whether the downstreams answer.
 */
package com.mindroom.gateway.routing;
