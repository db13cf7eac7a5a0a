package com.mindroom.gateway.client;

import java.util.List;
import java.util.Locale;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * Shapes the headers a downstream receives: drops every header a client could use to pose
 * as someone else, and states the client's address, scheme and host in
 * {@code X-Forwarded-*} (the scheme and host from a trusted proxy when there is one).
 */
class ForwardedHeaders implements HttpHeadersFilter, Ordered {

	private static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";

	private static final String X_FORWARDED_HOST = "X-Forwarded-Host";

	private final ClientAddresses clients;

	private final List<String> strippedNames;

	private final List<String> strippedPrefixes;

	ForwardedHeaders(ClientAddresses clients, List<String> strippedHeaders) {
		this.clients = clients;
		this.strippedNames = strippedHeaders.stream()
			.filter((name) -> !name.endsWith("*"))
			.map((name) -> name.toLowerCase(Locale.ROOT))
			.toList();
		this.strippedPrefixes = strippedHeaders.stream()
			.filter((name) -> name.endsWith("*"))
			.map((name) -> name.substring(0, name.length() - 1).toLowerCase(Locale.ROOT))
			.toList();
	}

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		HttpHeaders output = new HttpHeaders();
		input.forEach((name, values) -> {
			if (!isStripped(name) && !name.regionMatches(true, 0, "X-Forwarded-", 0, 12)) {
				output.addAll(name, values);
			}
		});
		boolean trusted = this.clients.fromTrustedProxy(request);
		output.set(ClientAddresses.X_FORWARDED_FOR, this.clients.resolve(request));
		output.set(X_FORWARDED_PROTO, forwarded(request, X_FORWARDED_PROTO, trusted, request.getURI().getScheme()));
		String host = request.getHeaders().getFirst(HttpHeaders.HOST);
		if (host != null) {
			output.set(X_FORWARDED_HOST, forwarded(request, X_FORWARDED_HOST, trusted, host));
		}
		return output;
	}

	boolean isStripped(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return this.strippedNames.contains(lower) || this.strippedPrefixes.stream().anyMatch(lower::startsWith);
	}

	private static String forwarded(ServerHttpRequest request, String header, boolean trusted, String own) {
		String value = trusted ? request.getHeaders().getFirst(header) : null;
		if (value == null || value.isBlank()) {
			return own;
		}
		return value.split(",")[0].trim();
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
