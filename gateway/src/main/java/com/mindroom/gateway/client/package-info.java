/**
 * Who the caller is at the network level: the client address (from X-Forwarded-For only
 * through trusted proxies) and the headers passed on to the downstreams.
 */
package com.mindroom.gateway.client;
