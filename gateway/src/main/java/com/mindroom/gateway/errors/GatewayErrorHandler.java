package com.mindroom.gateway.errors;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;

import com.mindroom.common.web.Problems;
import com.mindroom.common.web.RequestIds;

import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Turns every failure the gateway meets (no route, a refused request, a downstream that
 * is down, slow or broken) into an answer the caller can act on: an RFC 9457 problem
 * detail, or a friendly page when a browser asked for HTML. Never a stack trace.
 */
@Order(-2)
class GatewayErrorHandler implements WebExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(GatewayErrorHandler.class);

	private final Duration unavailableRetryAfter;

	private final ServerResponse.Context responseContext;

	GatewayErrorHandler(Duration unavailableRetryAfter, ServerCodecConfigurer codecs) {
		this.unavailableRetryAfter = unavailableRetryAfter;
		this.responseContext = new ServerResponse.Context() {

			@Override
			public List<HttpMessageWriter<?>> messageWriters() {
				return codecs.getWriters();
			}

			@Override
			public List<ViewResolver> viewResolvers() {
				return List.of();
			}

		};
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		Failure failure = classify(ex);
		try (MDC.MDCCloseable ignored = MDC.putCloseable(RequestIds.MDC_KEY, requestId(exchange))) {
			log(exchange.getRequest(), failure, ex);
		}
		ServerResponse.BodyBuilder response = ServerResponse.status(failure.status()).headers((headers) -> {
			if (failure.retryAfter() != null) {
				headers.set(HttpHeaders.RETRY_AFTER, GatewayProblem.retryAfterSeconds(failure.retryAfter()));
			}
		});
		Mono<ServerResponse> rendered = wantsPage(exchange.getRequest())
				? response.contentType(MediaType.TEXT_HTML).bodyValue(ErrorPage.render(failure, requestId(exchange)))
				: response.contentType(MediaType.APPLICATION_PROBLEM_JSON).bodyValue(problem(exchange, failure));
		return rendered.flatMap((body) -> body.writeTo(exchange, this.responseContext));
	}

	Failure classify(Throwable ex) {
		if (ex instanceof GatewayProblem problem) {
			return new Failure((HttpStatus) problem.getStatusCode(), problem.slug(), problem.getReason(),
					problem.retryAfter());
		}
		if (ex instanceof ServiceUnavailableException || ex instanceof CallNotPermittedException
				|| causedBy(ex, ConnectException.class)) {
			return unavailable();
		}
		if (ex instanceof ResponseStatusException status) {
			return fromStatus(HttpStatus.valueOf(status.getStatusCode().value()));
		}
		if (causedBy(ex, IOException.class)) {
			return new Failure(HttpStatus.BAD_GATEWAY, "bad-gateway",
					"The service behind this address failed to answer properly; please retry.", null);
		}
		return new Failure(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
				"Something went wrong on our side; please retry.", null);
	}

	private Failure fromStatus(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> new Failure(status, "not-found", "There is nothing at this address.", null);
			case GATEWAY_TIMEOUT -> new Failure(status, "gateway-timeout",
					"The service took too long to answer; please retry shortly.", null);
			case SERVICE_UNAVAILABLE -> unavailable();
			default -> new Failure(status, status.is5xxServerError() ? "bad-gateway" : "bad-request",
					status.getReasonPhrase() + ".", null);
		};
	}

	private Failure unavailable() {
		return new Failure(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
				"This part of MindRoom is briefly unavailable; please retry shortly.", this.unavailableRetryAfter);
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	// pages for browsers; APIs and webhooks always get problem details
	private static boolean wantsPage(ServerHttpRequest request) {
		String path = request.getPath().value();
		if (path.startsWith("/api/") || path.startsWith("/webhooks/")) {
			return false;
		}
		return request.getHeaders()
			.getAccept()
			.stream()
			.anyMatch((type) -> type.getQualityValue() > 0 && MediaType.TEXT_HTML.equalsTypeAndSubtype(type));
	}

	private static Map<String, Object> problem(ServerWebExchange exchange, Failure failure) {
		ProblemDetail problem = Problems.problem(failure.status(), failure.slug(), failure.detail());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.getType().toString());
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		body.put("instance", exchange.getRequest().getPath().value());
		body.put("requestId", requestId(exchange));
		return body;
	}

	private static String requestId(ServerWebExchange exchange) {
		return exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER);
	}

	private static void log(ServerHttpRequest request, Failure failure, Throwable ex) {
		if (failure.status().is5xxServerError() && failure.status() != HttpStatus.SERVICE_UNAVAILABLE
				&& failure.status() != HttpStatus.GATEWAY_TIMEOUT) {
			logger.error("{} {} failed with {}", request.getMethod(), request.getPath().value(), failure.status(), ex);
		}
		else if (failure.status().is5xxServerError()) {
			logger.warn("{} {} answered {}: {}", request.getMethod(), request.getPath().value(), failure.status(),
					ex.toString());
		}
	}

	/**
	 * What to answer.
	 *
	 * @param status the status
	 * @param slug the problem type's last segment
	 * @param detail a message for the caller
	 * @param retryAfter how long to wait before retrying, if that helps
	 */
	record Failure(HttpStatus status, String slug, String detail, Duration retryAfter) {

	}

}
