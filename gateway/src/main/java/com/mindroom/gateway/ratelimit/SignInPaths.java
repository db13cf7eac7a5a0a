package com.mindroom.gateway.ratelimit;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The requests that try a password or create an account ({@code POST /auth/login} and the
 * like), configured as {@code METHOD /path-pattern} entries.
 */
class SignInPaths {

	private final List<Entry> entries;

	SignInPaths(List<String> entries) {
		this.entries = entries.stream().map(SignInPaths::parse).toList();
	}

	boolean matches(ServerHttpRequest request) {
		return this.entries.stream()
			.anyMatch((entry) -> entry.method().equals(request.getMethod())
					&& entry.pattern().matches(request.getPath().pathWithinApplication()));
	}

	private static Entry parse(String entry) {
		String[] parts = entry.trim().split("\\s+");
		if (parts.length != 2) {
			throw new IllegalArgumentException("A sign-in path is 'METHOD /path-pattern', not '" + entry + "'");
		}
		return new Entry(HttpMethod.valueOf(parts[0]), PathPatternParser.defaultInstance.parse(parts[1]));
	}

	private record Entry(HttpMethod method, PathPattern pattern) {

	}

}
