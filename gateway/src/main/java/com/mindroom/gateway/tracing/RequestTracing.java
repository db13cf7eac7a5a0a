package com.mindroom.gateway.tracing;

import com.mindroom.common.web.RequestIds;

import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

import reactor.core.publisher.Mono;

/**
 * Wraps the whole gateway, error handling included: accepts the caller's
 * {@code X-Request-Id} when well-formed or generates one, passes it downstream and back
 * to the caller, and writes the access log line once the response is complete.
 */
class RequestTracing implements WebHttpHandlerBuilderCustomizer {

	private final AccessLog accessLog;

	RequestTracing(AccessLog accessLog) {
		this.accessLog = accessLog;
	}

	@Override
	public void customize(WebHttpHandlerBuilder builder) {
		builder.httpHandlerDecorator(this::trace);
	}

	private HttpHandler trace(HttpHandler handler) {
		return (request, response) -> {
			long start = System.nanoTime();
			String requestId = RequestIds.accept(request.getHeaders().getFirst(RequestIds.HEADER));
			ServerHttpRequest traced = request.mutate()
				.headers((headers) -> headers.set(RequestIds.HEADER, requestId))
				.build();
			response.beforeCommit(() -> {
				response.getHeaders().set(RequestIds.HEADER, requestId);
				return Mono.empty();
			});
			return handler.handle(traced, response)
				.doFinally((signal) -> this.accessLog.log(traced, response.getStatusCode(), System.nanoTime() - start,
						requestId));
		};
	}

}
