package com.mindroom.gateway.tracing;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import com.mindroom.common.web.RequestIds;
import com.mindroom.gateway.client.ClientAddresses;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * One line per request: method, path, query with the values of sensitive parameters
 * redacted, status, duration and client address, with the request id in the MDC. Never
 * headers, cookies or bodies. The gateway's own health and metrics endpoints are logged
 * at debug level only.
 */
class AccessLog {

	private static final Logger logger = LoggerFactory.getLogger("com.mindroom.gateway.access");

	private static final int MAX_QUERY = 512;

	private final List<String> redacted;

	private final ClientAddresses clients;

	AccessLog(AccessLogProperties properties, ClientAddresses clients) {
		this.redacted = properties.redactedParameters().stream().map((name) -> name.toLowerCase(Locale.ROOT)).toList();
		this.clients = clients;
	}

	void log(ServerHttpRequest request, HttpStatusCode status, long durationNanos, String requestId) {
		boolean own = request.getPath().value().startsWith("/actuator/");
		if (own ? !logger.isDebugEnabled() : !logger.isInfoEnabled()) {
			return;
		}
		try (MDC.MDCCloseable ignored = MDC.putCloseable(RequestIds.MDC_KEY, requestId)) {
			String line = "{} {}{} {} {}ms client={}";
			Object[] args = { request.getMethod(), request.getPath().value(), query(request.getURI().getRawQuery()),
					(status != null) ? status.value() : "-", durationNanos / 1_000_000, this.clients.resolve(request) };
			if (own) {
				logger.debug(line, args);
			}
			else {
				logger.info(line, args);
			}
		}
	}

	String query(String rawQuery) {
		if (rawQuery == null || rawQuery.isEmpty()) {
			return "";
		}
		StringJoiner query = new StringJoiner("&", "?", "");
		for (String parameter : rawQuery.split("&")) {
			int equals = parameter.indexOf('=');
			String name = (equals < 0) ? parameter : parameter.substring(0, equals);
			query.add((equals >= 0 && isSensitive(name)) ? name + "=***" : parameter);
		}
		String text = query.toString();
		return (text.length() > MAX_QUERY) ? text.substring(0, MAX_QUERY) + "..." : text;
	}

	private boolean isSensitive(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return this.redacted.stream().anyMatch(lower::contains);
	}

}
