package com.mindroom.stripesim.hosted;

import com.mindroom.stripesim.store.NoSuchObjectException;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Answers a hosted page link that names no session (or a deleted customer's) with a
 * readable 404 page.
 */
@ControllerAdvice(assignableTypes = { CheckoutPageController.class, PortalPageController.class })
class HostedPageErrors {

	@ExceptionHandler(NoSuchObjectException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(Model model) {
		model.addAttribute("title", "This link is no longer valid");
		model.addAttribute("text", "Go back to MindRoom and start again.");
		return "message";
	}

}
