package com.mindroom.stripesim.api;

import tools.jackson.databind.node.ObjectNode;

import com.mindroom.stripesim.billing.CardException;
import com.mindroom.stripesim.billing.InvalidRequestException;
import com.mindroom.stripesim.store.NoSuchObjectException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers the API's errors in Stripe's shape and with Stripe's statuses: 400 for bad
 * input, 402 for a declined card, 404 for an unknown object or URL.
 */
@RestControllerAdvice(basePackageClasses = StripeErrorAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class StripeErrorAdvice {

	@ExceptionHandler(InvalidRequestException.class)
	ResponseEntity<ObjectNode> invalid(InvalidRequestException ex) {
		return StripeErrors.invalidRequest(HttpStatus.BAD_REQUEST, ex.getMessage(), ex.param());
	}

	@ExceptionHandler(NoSuchObjectException.class)
	ResponseEntity<ObjectNode> missing(NoSuchObjectException ex) {
		return StripeErrors.response(HttpStatus.NOT_FOUND, "invalid_request_error", "resource_missing", ex.getMessage(),
				"id");
	}

	@ExceptionHandler(CardException.class)
	ResponseEntity<ObjectNode> card(CardException ex) {
		return StripeErrors.response(HttpStatus.PAYMENT_REQUIRED, "card_error", ex.code(), ex.getMessage(), null);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ObjectNode> mediaType(HttpMediaTypeNotSupportedException ex) {
		return StripeErrors.invalidRequest(HttpStatus.BAD_REQUEST,
				"Invalid request: send parameters form-encoded (application/x-www-form-urlencoded).", null);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ObjectNode> method(HttpRequestMethodNotSupportedException ex) {
		return StripeErrors.invalidRequest(HttpStatus.NOT_FOUND, "Unrecognized request URL.", null);
	}

}
