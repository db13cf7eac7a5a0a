package com.mindroom.portal.system;

import com.stripe.exception.StripeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.common.identity.IdentityException;
import com.mindroom.common.instance.InstanceActionRefusedException;
import com.mindroom.common.web.Problems;
import com.mindroom.portal.auth.SignIns.ThrottledException;
import com.mindroom.portal.billing.PaymentsUnavailableException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The JSON API's answers to refused operations, as problem details: identity refusals,
 * lockouts (429 with {@code Retry-After}), instance actions (402, 409, 404) and payment
 * provider failures (502, or 503 when payments are not configured).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptions {

	private static final Logger logger = LoggerFactory.getLogger(ApiExceptions.class);

	@ExceptionHandler(IdentityException.class)
	ResponseEntity<ProblemDetail> identity(IdentityException ex) {
		HttpStatus status = switch (ex.kind()) {
			case INVALID_CREDENTIALS -> HttpStatus.UNAUTHORIZED;
			case EMAIL_NOT_CONFIRMED, ACCOUNT_DISABLED -> HttpStatus.FORBIDDEN;
			case INVALID_TOKEN, INVALID_INPUT -> HttpStatus.BAD_REQUEST;
			case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
		};
		String slug = ex.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		return ResponseEntity.status(status).body(Problems.problem(status, slug, ex.getMessage()));
	}

	@ExceptionHandler(ThrottledException.class)
	ResponseEntity<ProblemDetail> throttled(ThrottledException ex) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, ex.retryAfter().toSeconds())))
			.body(Problems.problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", ex.getMessage()));
	}

	@ExceptionHandler(InstanceActionRefusedException.class)
	ResponseEntity<ProblemDetail> instanceAction(InstanceActionRefusedException ex) {
		return switch (ex.reason()) {
			case NOT_ENTITLED -> problem(HttpStatus.PAYMENT_REQUIRED, "payment-required",
					"Your subscription does not entitle this instance to run: " + ex.getMessage()
							+ ". Choose a plan or update your payment on the billing page.");
			case WRONG_STATE -> problem(HttpStatus.CONFLICT, "conflict", ex.getMessage());
			case NOT_FOUND -> problem(HttpStatus.NOT_FOUND, "not-found", "No such instance.");
			case INVALID_INPUT -> problem(HttpStatus.BAD_REQUEST, "invalid-input", ex.getMessage());
		};
	}

	@ExceptionHandler(PaymentsUnavailableException.class)
	ResponseEntity<ProblemDetail> paymentsUnavailable(PaymentsUnavailableException ex) {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "payments-unavailable", ex.getMessage());
	}

	@ExceptionHandler(StripeException.class)
	ResponseEntity<ProblemDetail> stripe(StripeException ex) {
		logger.warn("Stripe call failed: status {} code {} request {}", ex.getStatusCode(), ex.getCode(),
				ex.getRequestId());
		return problem(HttpStatus.BAD_GATEWAY, "payment-provider-error",
				"The payment provider could not be reached; please try again.");
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String slug, String detail) {
		return ResponseEntity.status(status).body(Problems.problem(status, slug, detail));
	}

}
