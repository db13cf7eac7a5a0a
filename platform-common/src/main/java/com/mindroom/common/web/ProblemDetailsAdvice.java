package com.mindroom.common.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.common.plan.UnknownPlanException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every JSON API error as a problem detail: Spring MVC's own errors (validation,
 * unreadable body, wrong method...) through {@link ResponseEntityExceptionHandler}, and
 * the database being unreachable as 503 with {@code Retry-After}, so callers (Stripe
 * among them) retry instead of losing work.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	@ExceptionHandler({ CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
			DataAccessResourceFailureException.class, TransientDataAccessException.class })
	ResponseEntity<ProblemDetail> databaseUnavailable(Exception ex) {
		logger.warn("Database unavailable: {}", ex.getMessage());
		ProblemDetail problem = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
				"The service is temporarily unavailable; please retry shortly.");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
	}

	@ExceptionHandler(UnknownPlanException.class)
	ResponseEntity<ProblemDetail> unknownPlan(UnknownPlanException ex) {
		return ResponseEntity.badRequest()
			.body(Problems.problem(HttpStatus.BAD_REQUEST, "unknown-plan", ex.getMessage()));
	}

}
