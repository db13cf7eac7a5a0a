package com.mindroom.stripesim.control;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.mindroom.common.web.Problems;
import com.mindroom.stripesim.billing.CardException;
import com.mindroom.stripesim.billing.InvalidRequestException;
import com.mindroom.stripesim.store.NoSuchObjectException;

/**
 * Answers the control API's errors as problem details: 400 for bad input or a card number
 * that is not one, 404 for an unknown object.
 */
@RestControllerAdvice(assignableTypes = ControlApiController.class)
class ControlErrorAdvice {

	@ExceptionHandler(InvalidRequestException.class)
	ResponseEntity<ProblemDetail> invalid(InvalidRequestException ex) {
		return ResponseEntity.badRequest()
			.body(Problems.problem(HttpStatus.BAD_REQUEST, "bad-request", ex.getMessage()));
	}

	@ExceptionHandler(CardException.class)
	ResponseEntity<ProblemDetail> card(CardException ex) {
		return ResponseEntity.badRequest().body(Problems.problem(HttpStatus.BAD_REQUEST, "card", ex.getMessage()));
	}

	@ExceptionHandler(NoSuchObjectException.class)
	ResponseEntity<ProblemDetail> missing(NoSuchObjectException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(Problems.problem(HttpStatus.NOT_FOUND, "not-found", ex.getMessage()));
	}

}
