package com.mindroom.stripesim.api;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.node.ObjectNode;

import com.mindroom.stripesim.billing.CheckoutRequest;
import com.mindroom.stripesim.billing.CheckoutSessions;
import com.mindroom.stripesim.billing.InvalidRequestException;
import com.mindroom.stripesim.store.ListQuery;
import com.mindroom.stripesim.store.StoredObject;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/checkout/sessions}: create (subscription mode), list, retrieve and expire.
 */
@RestController
@RequestMapping("/v1/checkout/sessions")
class CheckoutSessionsController {

	private final ApiSupport api;

	private final CheckoutSessions sessions;

	CheckoutSessionsController(ApiSupport api, CheckoutSessions sessions) {
		this.api = api;
		this.sessions = sessions;
	}

	@PostMapping
	ObjectNode create(HttpServletRequest request) {
		FormParams params = this.api.params(request);
		CheckoutRequest checkout = checkoutRequest(params);
		String pagesUrl = this.api.pagesUrl();
		StoredObject session = this.api.store().write(() -> this.sessions.create(checkout, pagesUrl, this.api.now()));
		return this.api.expand(session.doc(), params);
	}

	@GetMapping
	ObjectNode list(HttpServletRequest request) {
		FormParams params = this.api.params(request);
		ListQuery query = this.api.listQuery("checkout.session", params).withCustomer(params.text("customer"));
		ListQuery.Page page = this.api.store().list(query);
		long now = this.api.now();
		List<ObjectNode> data = page.data().stream().map((session) -> this.sessions.view(session, now)).toList();
		return this.api.list("/v1/checkout/sessions", data, page.hasMore(), params);
	}

	@GetMapping("/{id}")
	ObjectNode retrieve(@PathVariable String id, HttpServletRequest request) {
		StoredObject session = this.api.store().require("checkout.session", id);
		return this.api.expand(this.sessions.view(session, this.api.now()), this.api.params(request));
	}

	@PostMapping("/{id}/expire")
	ObjectNode expire(@PathVariable String id, HttpServletRequest request) {
		StoredObject session = this.api.store().write(() -> this.sessions.expire(id, this.api.now()));
		return this.api.expand(session.doc(), this.api.params(request));
	}

	private static CheckoutRequest checkoutRequest(FormParams params) {
		List<Object> items = params.entries("line_items");
		if (items.size() > 1) {
			throw new InvalidRequestException("The simulator sells one price per checkout session.", "line_items");
		}
		Map<String, String> subscriptionMetadata = params.stringMap("subscription_data", "metadata");
		return new CheckoutRequest(params.text("mode"), params.text("customer"), params.text("customer_email"),
				params.text("client_reference_id"), params.text("line_items", "0", "price"),
				params.integer("line_items", "0", "quantity"), params.text("success_url"), params.text("cancel_url"),
				params.stringMap("metadata"), subscriptionMetadata,
				params.integer("subscription_data", "trial_period_days"));
	}

}
