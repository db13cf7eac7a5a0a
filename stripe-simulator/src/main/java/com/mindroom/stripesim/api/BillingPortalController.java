package com.mindroom.stripesim.api;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.node.ObjectNode;

import com.mindroom.stripesim.billing.InvalidRequestException;
import com.mindroom.stripesim.billing.PortalSessions;
import com.mindroom.stripesim.store.StoredObject;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/billing_portal/sessions}: a customer-portal session for a customer.
 */
@RestController
class BillingPortalController {

	private final ApiSupport api;

	private final PortalSessions sessions;

	BillingPortalController(ApiSupport api, PortalSessions sessions) {
		this.api = api;
		this.sessions = sessions;
	}

	@PostMapping("/v1/billing_portal/sessions")
	ObjectNode create(HttpServletRequest request) {
		FormParams params = this.api.params(request);
		String customer = params.text("customer");
		if (customer == null) {
			throw new InvalidRequestException("Missing required param: customer.", "customer");
		}
		String returnUrl = params.text("return_url");
		String pagesUrl = this.api.pagesUrl();
		StoredObject session = this.api.store()
			.write(() -> this.sessions.create(customer, returnUrl, pagesUrl, this.api.now()));
		return this.api.expand(session.doc(), params);
	}

}
