package com.mindroom.admin.web;

import com.mindroom.common.instance.InstanceActionRefusedException;
import com.mindroom.common.web.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a refused instance action in the JSON API as a problem detail: 404 for an
 * unknown instance, 402 when the subscription does not allow it, 409 when the state does
 * not.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiErrorAdvice {

	@ExceptionHandler(InstanceActionRefusedException.class)
	ResponseEntity<ProblemDetail> refused(InstanceActionRefusedException ex) {
		HttpStatus status = switch (ex.reason()) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case NOT_ENTITLED -> HttpStatus.PAYMENT_REQUIRED;
			case WRONG_STATE -> HttpStatus.CONFLICT;
			case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
		};
		String slug = switch (ex.reason()) {
			case NOT_FOUND -> "not-found";
			case NOT_ENTITLED -> "payment-required";
			case WRONG_STATE -> "conflict";
			case INVALID_INPUT -> "invalid-input";
		};
		return ResponseEntity.status(status).body(Problems.problem(status, slug, ex.getMessage()));
	}

}
