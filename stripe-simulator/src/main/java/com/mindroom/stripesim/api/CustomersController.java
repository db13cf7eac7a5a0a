package com.mindroom.stripesim.api;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import com.mindroom.stripesim.billing.CustomerFields;
import com.mindroom.stripesim.billing.Customers;
import com.mindroom.stripesim.billing.InvalidRequestException;
import com.mindroom.stripesim.billing.Subscriptions;
import com.mindroom.stripesim.store.ListQuery;
import com.mindroom.stripesim.store.StoredObject;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/customers}: create, list, retrieve, update and delete.
 */
@RestController
@RequestMapping("/v1/customers")
class CustomersController {

	private final ApiSupport api;

	private final Customers customers;

	private final Subscriptions subscriptions;

	CustomersController(ApiSupport api, Customers customers, Subscriptions subscriptions) {
		this.api = api;
		this.customers = customers;
		this.subscriptions = subscriptions;
	}

	@PostMapping
	ObjectNode create(HttpServletRequest request) {
		FormParams params = this.api.params(request);
		CustomerFields fields = fields(params);
		StoredObject customer = this.api.store().write(() -> this.customers.create(fields, this.api.now()));
		return this.api.expand(customer.doc(), params);
	}

	@GetMapping
	ObjectNode list(HttpServletRequest request) {
		FormParams params = this.api.params(request);
		ListQuery query = this.api.listQuery("customer", params).withEmail(params.text("email"));
		return this.api.list("/v1/customers", this.api.store().list(query), params);
	}

	@GetMapping("/{id}")
	ObjectNode retrieve(@PathVariable String id, HttpServletRequest request) {
		StoredObject customer = this.api.store().require("customer", id);
		return this.customers.isDeleted(customer) ? deleted(id)
				: this.api.expand(customer.doc(), this.api.params(request));
	}

	@PostMapping("/{id}")
	ObjectNode update(@PathVariable String id, HttpServletRequest request) {
		FormParams params = this.api.params(request);
		CustomerFields fields = fields(params);
		StoredObject customer = this.api.store().write(() -> this.customers.update(id, fields, this.api.now()));
		return this.api.expand(customer.doc(), params);
	}

	@DeleteMapping("/{id}")
	ObjectNode delete(@PathVariable String id) {
		return this.api.store().write(() -> {
			StoredObject customer = this.customers.require(id);
			long now = this.api.now();
			ListQuery active = ListQuery.of("subscription", 100).withCustomer(id).withStatuses(null, "canceled");
			this.api.store()
				.list(active)
				.data()
				.forEach((subscription) -> this.subscriptions.cancelNow(subscription, "cancellation_requested", now));
			this.customers.delete(customer, now);
			return deleted(id);
		});
	}

	private static ObjectNode deleted(String id) {
		ObjectNode deleted = JsonNodeFactory.instance.objectNode();
		deleted.put("id", id);
		deleted.put("object", "customer");
		deleted.put("deleted", true);
		return deleted;
	}

	private static CustomerFields fields(FormParams params) {
		String email = params.string("email");
		if (email != null && !email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+")) {
			throw new InvalidRequestException("Invalid email address: " + email, "email");
		}
		return new CustomerFields(email, params.string("name"), params.string("description"), params.string("phone"),
				params.stringMap("metadata"), params.text("invoice_settings", "default_payment_method"));
	}

}
