package com.mindroom.portal.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Answers a path nothing serves: a problem detail under {@code /api/}, the readable error
 * page everywhere else.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotFoundAnswers {

	@ExceptionHandler(NoResourceFoundException.class)
	void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (ProblemResponses.isApi(request)) {
			ProblemResponses.write(request, response, HttpStatus.NOT_FOUND, "not-found", "No such resource.");
			return;
		}
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

}
