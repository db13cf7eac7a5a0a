package com.mindroom.common.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Problem details (RFC 9457) for the errors the services answer with; each has a stable
 * {@code type} URI so clients can tell them apart without parsing the text.
 */
public final class Problems {

	private static final String TYPE_BASE = "https://mindroom.chat/problems/";

	private Problems() {
	}

	public static ErrorResponseException badRequest(String detail) {
		return of(HttpStatus.BAD_REQUEST, "bad-request", detail);
	}

	public static ErrorResponseException notFound(String detail) {
		return of(HttpStatus.NOT_FOUND, "not-found", detail);
	}

	public static ErrorResponseException conflict(String detail) {
		return of(HttpStatus.CONFLICT, "conflict", detail);
	}

	public static ErrorResponseException paymentRequired(String detail) {
		return of(HttpStatus.PAYMENT_REQUIRED, "payment-required", detail);
	}

	public static ErrorResponseException forbidden(String detail) {
		return of(HttpStatus.FORBIDDEN, "forbidden", detail);
	}

	/**
	 * A problem with the given status, type slug and detail.
	 * @param status the HTTP status
	 * @param slug the last segment of the problem's type URI
	 * @param detail what went wrong, for the caller (never a secret or an internal
	 * message)
	 * @return an exception that Spring renders as the problem
	 */
	public static ErrorResponseException of(HttpStatusCode status, String slug, String detail) {
		return new ErrorResponseException(status, problem(status, slug, detail), null);
	}

	public static ProblemDetail problem(HttpStatusCode status, String slug, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + slug));
		return problem;
	}

}
