package com.mindroom.common.web;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The request id reaches the MDC while the request is handled, the response carries it,
 * and nothing is left in the MDC afterwards.
 */
class RequestIdFilterTests {

	private final RequestIdFilter filter = new RequestIdFilter();

	@Test
	void propagatesTheGatewaysRequestIdToTheLogsAndTheResponse() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/app");
		request.addHeader(RequestIds.HEADER, "gw-3f2a9c1e-77");
		MockHttpServletResponse response = new MockHttpServletResponse();
		AtomicReference<String> logged = new AtomicReference<>();

		this.filter.doFilter(request, response, mdcRecorder(logged));

		assertThat(logged.get()).isEqualTo("gw-3f2a9c1e-77");
		assertThat(response.getHeader(RequestIds.HEADER)).isEqualTo("gw-3f2a9c1e-77");
		assertThat(MDC.get(RequestIds.MDC_KEY)).isNull();
	}

	@Test
	void generatesAnIdWhenTheRequestHasNone() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		AtomicReference<String> logged = new AtomicReference<>();

		this.filter.doFilter(new MockHttpServletRequest("POST", "/webhooks/stripe"), response, mdcRecorder(logged));

		assertThat(logged.get()).matches("[0-9a-f-]{36}");
		assertThat(response.getHeader(RequestIds.HEADER)).isEqualTo(logged.get());
	}

	@Test
	void replacesAnIdThatCouldForgeLogLines() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/app");
		request.addHeader(RequestIds.HEADER, "abc12345\n2026-01-01 INFO forged line");
		AtomicReference<String> logged = new AtomicReference<>();

		this.filter.doFilter(request, new MockHttpServletResponse(), mdcRecorder(logged));

		assertThat(logged.get()).doesNotContain("forged").matches("[0-9a-f-]{36}");
	}

	@Test
	void clearsTheMdcWhenTheRequestFails() {
		FilterChain failing = (request, response) -> {
			throw new IllegalStateException("boom");
		};
		assertThatIllegalStateException()
			.isThrownBy(() -> this.filter.doFilter(new MockHttpServletRequest("GET", "/app"),
					new MockHttpServletResponse(), failing))
			.withMessage("boom");
		assertThat(MDC.get(RequestIds.MDC_KEY)).isNull();
	}

	private static FilterChain mdcRecorder(AtomicReference<String> logged) {
		return (request, response) -> logged.set(MDC.get(RequestIds.MDC_KEY));
	}

}
