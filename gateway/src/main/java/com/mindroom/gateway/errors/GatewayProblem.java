package com.mindroom.gateway.errors;

import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;

/**
 * A request the gateway refuses itself, with the problem type to answer and, when the
 * caller may try again later, how long to wait.
 */
public class GatewayProblem extends ResponseStatusException {

	private final String slug;

	private final Duration retryAfter;

	GatewayProblem(HttpStatus status, String slug, String detail, Duration retryAfter) {
		super(status, detail);
		this.slug = slug;
		this.retryAfter = retryAfter;
	}

	public static GatewayProblem tooManyRequests(Duration retryAfter) {
		return new GatewayProblem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
				"Too many requests; please slow down and retry later.", retryAfter);
	}

	public static GatewayProblem payloadTooLarge(DataSize limit) {
		return new GatewayProblem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
				"The request body is larger than the " + limit.toKilobytes() + " KiB allowed here.", null);
	}

	public static GatewayProblem badPath() {
		return new GatewayProblem(HttpStatus.BAD_REQUEST, "bad-request",
				"The request path contains dot segments or encoded separators.", null);
	}

	String slug() {
		return this.slug;
	}

	Duration retryAfter() {
		return this.retryAfter;
	}

	/**
	 * A {@code Retry-After} value: whole seconds, rounded up, at least one.
	 * @param wait how long to wait
	 * @return the header value
	 */
	public static String retryAfterSeconds(Duration wait) {
		return Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000));
	}

}
