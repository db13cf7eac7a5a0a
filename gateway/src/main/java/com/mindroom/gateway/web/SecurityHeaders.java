package com.mindroom.gateway.web;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Sets the browser security headers on every response, the downstreams' and the gateway's
 * own (errors, refusals), overriding whatever a downstream sent: the gateway owns the
 * policy.
 */
class SecurityHeaders implements WebFilter, Ordered {

	private final SecurityHeadersProperties properties;

	SecurityHeaders(SecurityHeadersProperties properties) {
		this.properties = properties;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getResponse().beforeCommit(() -> {
			apply(exchange.getResponse().getHeaders());
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	private void apply(HttpHeaders headers) {
		headers.set("Content-Security-Policy", this.properties.contentSecurityPolicy());
		headers.set("Strict-Transport-Security", this.properties.strictTransportSecurity());
		headers.set("Referrer-Policy", this.properties.referrerPolicy());
		headers.set("Permissions-Policy", this.properties.permissionsPolicy());
		headers.set("X-Content-Type-Options", "nosniff");
		headers.set("X-Frame-Options", "DENY");
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
