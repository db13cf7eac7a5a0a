/**
 * Limits on what a request may carry: body size per route.
 */
package com.mindroom.gateway.limits;
