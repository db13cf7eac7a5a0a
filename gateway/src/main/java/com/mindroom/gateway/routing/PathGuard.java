package com.mindroom.gateway.routing;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import reactor.core.publisher.Mono;

import com.mindroom.gateway.errors.GatewayProblem;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriUtils;

/**
 * Refuses paths a downstream would normalise into something the gateway never matched:
 * dot segments, encoded slashes, dots or backslashes and path parameters. Without it,
 * {@code /api/v1/../actuator/env} would match the portal's route and reach its actuator.
 */
class PathGuard implements WebFilter, Ordered {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String rawPath = exchange.getRequest().getURI().getRawPath();
		return isSafe(rawPath) ? chain.filter(exchange) : Mono.error(GatewayProblem.badPath());
	}

	static boolean isSafe(String rawPath) {
		if (rawPath == null || rawPath.isEmpty()) {
			return true;
		}
		String lower = rawPath.toLowerCase(Locale.ROOT);
		if (lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c") || lower.contains("%25")
				|| lower.contains("\\") || lower.contains(";")) {
			return false;
		}
		for (String segment : UriUtils.decode(rawPath, StandardCharsets.UTF_8).split("/", -1)) {
			if (segment.equals(".") || segment.equals("..")) {
				return false;
			}
		}
		return true;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

}
