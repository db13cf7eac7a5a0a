package com.mindroom.stripesim.api;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers any API URL the simulator does not serve as Stripe does: 404 "Unrecognized
 * request URL".
 */
@RestController
class UnknownPathController {

	@RequestMapping("/v1/**")
	ResponseEntity<ObjectNode> unknown(HttpServletRequest request) {
		return StripeErrors.invalidRequest(
				HttpStatus.NOT_FOUND, "Unrecognized request URL (" + request.getMethod() + ": "
						+ request.getRequestURI() + "). The Stripe simulator serves only the calls the platform makes.",
				null);
	}

}
