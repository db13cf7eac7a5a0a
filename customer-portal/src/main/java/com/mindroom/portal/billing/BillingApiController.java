package com.mindroom.portal.billing;

import java.util.List;

import com.stripe.exception.StripeException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.mindroom.common.plan.PlanCatalog;
import com.mindroom.common.web.Problems;
import com.mindroom.portal.system.Caller;
import com.mindroom.portal.system.PortalProperties;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Billing over the API: the current subscription, invoices, checkout and the Stripe
 * customer portal.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "billing", description = "Subscription, invoices, checkout and the billing portal")
class BillingApiController {

	private final Subscriptions subscriptions;

	private final Checkout checkout;

	private final FreePlan freePlan;

	private final PlanCatalog plans;

	private final PortalProperties properties;

	BillingApiController(Subscriptions subscriptions, Checkout checkout, FreePlan freePlan, PlanCatalog plans,
			PortalProperties properties) {
		this.subscriptions = subscriptions;
		this.checkout = checkout;
		this.freePlan = freePlan;
		this.plans = plans;
		this.properties = properties;
	}

	@GetMapping("/subscription")
	@Operation(summary = "The current subscription", description = "404 when the account has none yet.")
	SubscriptionView subscription(Caller caller) {
		return this.subscriptions.current(caller.accountId())
			.orElseThrow(() -> Problems.notFound("No subscription yet: choose a plan."));
	}

	@GetMapping("/invoices")
	@Operation(summary = "Invoices, newest first")
	List<InvoiceView> invoices(Caller caller, @RequestParam(defaultValue = "20") int limit,
			@RequestParam(defaultValue = "0") int offset) {
		if (limit < 1 || limit > 100 || offset < 0) {
			throw Problems.badRequest("limit must be 1 to 100 and offset at least 0");
		}
		return this.subscriptions.invoices(caller.accountId(), limit, offset);
	}

	@PostMapping("/checkout")
	@Operation(summary = "Buy a plan",
			description = "Returns the Stripe Checkout URL to send the customer to (the subscription starts when "
					+ "Stripe confirms the payment). The Free plan starts at once and returns the dashboard's URL. "
					+ "400 for an unknown plan, a missing price or Enterprise (sales-assisted); 409 when a paid "
					+ "subscription exists (change plan through POST /billing-portal).")
	UrlResponse checkout(Caller caller, @Valid @RequestBody CheckoutRequest body) throws StripeException {
		if (this.plans.require(body.plan()).free()) {
			this.freePlan.start(caller);
			return new UrlResponse(this.properties.url("/app"));
		}
		return new UrlResponse(this.checkout.start(caller, this.checkout.priceFor(body.plan(), body.interval())));
	}

	@PostMapping("/billing-portal")
	@Operation(summary = "Open the Stripe customer portal",
			description = "Payment methods, invoices, plan changes and cancellation. 409 before the first purchase.")
	UrlResponse billingPortal(Caller caller) throws StripeException {
		return new UrlResponse(this.checkout.billingPortal(caller));
	}

	/**
	 * What to buy.
	 *
	 * @param plan the plan id ({@code free}, {@code starter}, {@code professional})
	 * @param interval {@code monthly} (default) or {@code yearly}
	 */
	record CheckoutRequest(@NotBlank @Size(max = 32) String plan, @Size(max = 16) String interval) {

	}

	/**
	 * Where to send the customer.
	 *
	 * @param url the URL
	 */
	record UrlResponse(String url) {

	}

}
