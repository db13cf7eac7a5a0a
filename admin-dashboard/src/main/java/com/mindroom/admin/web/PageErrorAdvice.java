package com.mindroom.admin.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.common.instance.InstanceActionRefusedException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns the errors of page controllers into a readable error page with the right status
 * (a malformed id is a 400, an unknown one a 404), never a JSON body or a stack trace.
 */
@ControllerAdvice(annotations = AdminPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageErrorAdvice {

	private static final Logger logger = LoggerFactory.getLogger(PageErrorAdvice.class);

	@ExceptionHandler(ErrorResponseException.class)
	ModelAndView problem(ErrorResponseException ex) {
		return page(ex.getStatusCode(), String.valueOf(ex.getBody().getDetail()));
	}

	@ExceptionHandler(InstanceActionRefusedException.class)
	ModelAndView refused(InstanceActionRefusedException ex) {
		HttpStatus status = switch (ex.reason()) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case NOT_ENTITLED -> HttpStatus.PAYMENT_REQUIRED;
			case WRONG_STATE -> HttpStatus.CONFLICT;
			case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
		};
		return page(status, ex.getMessage());
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ModelAndView badRequest(Exception ex) {
		logger.debug("Bad page request: {}", ex.getMessage());
		return page(HttpStatus.BAD_REQUEST, "The address or form was not understood. Go back and try again.");
	}

	private static ModelAndView page(HttpStatusCode status, String message) {
		ModelAndView view = new ModelAndView("error");
		view.setStatus(status);
		view.addObject("status", status.value());
		view.addObject("message", message);
		return view;
	}

}
