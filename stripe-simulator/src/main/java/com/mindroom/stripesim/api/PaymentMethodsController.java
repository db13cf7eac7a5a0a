package com.mindroom.stripesim.api;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/payment_methods/{id}}: a customer's card as the portal shows it.
 */
@RestController
class PaymentMethodsController {

	private final ApiSupport api;

	PaymentMethodsController(ApiSupport api) {
		this.api = api;
	}

	@GetMapping("/v1/payment_methods/{id}")
	ObjectNode retrieve(@PathVariable String id, HttpServletRequest request) {
		return this.api.expand(this.api.store().require("payment_method", id).doc(), this.api.params(request));
	}

}
