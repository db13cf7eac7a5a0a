package com.mindroom.gateway.routing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paths a downstream would normalise differently from the gateway are refused.
 */
class PathGuardTests {

	@Test
	void acceptsOrdinaryPaths() {
		assertThat(PathGuard.isSafe("/")).isTrue();
		assertThat(PathGuard.isSafe("/app/instance/restart")).isTrue();
		assertThat(PathGuard.isSafe("/webjars/htmx.org/dist/htmx.min.js")).isTrue();
		assertThat(PathGuard.isSafe("/app/a%20b")).isTrue();
	}

	@Test
	void refusesDotSegmentsEncodedSeparatorsAndPathParameters() {
		assertThat(PathGuard.isSafe("/app/../actuator/env")).isFalse();
		assertThat(PathGuard.isSafe("/app/./x")).isFalse();
		assertThat(PathGuard.isSafe("/api/v1/%2E%2E/internal")).isFalse();
		assertThat(PathGuard.isSafe("/api/v1/..%2finternal")).isFalse();
		assertThat(PathGuard.isSafe("/api/v1/..%5cinternal")).isFalse();
		assertThat(PathGuard.isSafe("/app;jsessionid=1")).isFalse();
		assertThat(PathGuard.isSafe("/app/%252e%252e/actuator")).isFalse();
	}

}
