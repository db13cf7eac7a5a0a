/**
 * Following a request: the X-Request-Id the gateway accepts or generates and passes on,
 * and the access log.
 */
package com.mindroom.gateway.tracing;
