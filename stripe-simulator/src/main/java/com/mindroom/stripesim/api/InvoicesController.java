package com.mindroom.stripesim.api;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.node.ObjectNode;

import com.mindroom.stripesim.store.ListQuery;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/invoices}: list (by customer, subscription, status) and retrieve.
 */
@RestController
@RequestMapping("/v1/invoices")
class InvoicesController {

	private final ApiSupport api;

	InvoicesController(ApiSupport api) {
		this.api = api;
	}

	@GetMapping
	ObjectNode list(HttpServletRequest request) {
		FormParams params = this.api.params(request);
		ListQuery query = this.api.listQuery("invoice", params)
			.withCustomer(params.text("customer"))
			.withSubscription(params.text("subscription"));
		String status = params.text("status");
		if (status != null) {
			query = query.withStatuses(List.of(status), null);
		}
		return this.api.list("/v1/invoices", this.api.store().list(query), params);
	}

	@GetMapping("/{id}")
	ObjectNode retrieve(@PathVariable String id, HttpServletRequest request) {
		return this.api.expand(this.api.store().require("invoice", id).doc(), this.api.params(request));
	}

}
