package com.mindroom.portal.billing;

import java.time.Clock;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.common.plan.PlanCatalog;
import com.mindroom.common.plan.UnknownPlanException;
import com.mindroom.portal.account.Account;
import com.mindroom.portal.system.AccountGate;
import com.mindroom.portal.system.Caller;

import org.springframework.beans.factory.ObjectProvider;
import com.mindroom.portal.system.PageController;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The billing pages: plan, status and invoices; buying a plan through Stripe Checkout (or
 * starting the Free plan), managing billing in Stripe's customer portal, the Enterprise
 * contact form, and the page that waits for a paid subscription to activate.
 */
@PageController
class BillingController {

	private static final Logger logger = LoggerFactory.getLogger(BillingController.class);

	private static final String BACK = "redirect:/app/billing";

	private final Subscriptions subscriptions;

	private final Checkout checkout;

	private final FreePlan freePlan;

	private final ContactRequests contacts;

	private final PlanCatalog plans;

	private final ObjectProvider<StripeClient> stripe;

	private final Clock clock;

	BillingController(Subscriptions subscriptions, Checkout checkout, FreePlan freePlan, ContactRequests contacts,
			PlanCatalog plans, ObjectProvider<StripeClient> stripe, Clock clock) {
		this.subscriptions = subscriptions;
		this.checkout = checkout;
		this.freePlan = freePlan;
		this.contacts = contacts;
		this.plans = plans;
		this.stripe = stripe;
		this.clock = clock;
	}

	@GetMapping("/app/billing")
	String billing(Caller caller, @RequestAttribute(AccountGate.ACCOUNT) Account account,
			@RequestParam(required = false) String plan, Model model) {
		model.addAttribute("account", account);
		model.addAttribute("subscription", this.subscriptions.current(caller.accountId()).orElse(null));
		model.addAttribute("plans", PlanCard.all(this.plans));
		model.addAttribute("catalog", this.plans);
		model.addAttribute("invoices", this.subscriptions.invoices(caller.accountId(), 24, 0));
		model.addAttribute("paymentsEnabled", this.stripe.getIfAvailable() != null);
		model.addAttribute("chosenPlan", plan);
		model.addAttribute("now", this.clock.instant());
		return "app/billing";
	}

	@PostMapping("/app/billing/checkout")
	String checkout(Caller caller, @RequestParam(defaultValue = "") String plan,
			@RequestParam(defaultValue = "monthly") String interval, RedirectAttributes flash) {
		try {
			if (this.plans.find(plan).filter((found) -> found.free()).isPresent()) {
				this.freePlan.start(caller);
				flash.addFlashAttribute("notice", "Your Free plan is ready; your instance is being set up.");
				return "redirect:/app";
			}
			return "redirect:" + this.checkout.start(caller, this.checkout.priceFor(plan, interval));
		}
		catch (UnknownPlanException ex) {
			return failed(flash, "There is no such plan.");
		}
		catch (ErrorResponseException ex) {
			return failed(flash, ex.getBody().getDetail());
		}
		catch (PaymentsUnavailableException ex) {
			return failed(flash, ex.getMessage());
		}
		catch (StripeException ex) {
			logger.warn("Checkout failed for account {}: {} {}", caller.accountId(), ex.getStatusCode(), ex.getCode());
			return failed(flash, "The payment provider could not be reached; please try again.");
		}
	}

	@PostMapping("/app/billing/portal")
	String portal(Caller caller, RedirectAttributes flash) {
		try {
			return "redirect:" + this.checkout.billingPortal(caller);
		}
		catch (ErrorResponseException ex) {
			return failed(flash, ex.getBody().getDetail());
		}
		catch (PaymentsUnavailableException ex) {
			return failed(flash, ex.getMessage());
		}
		catch (StripeException ex) {
			logger.warn("Billing portal failed for account {}: {} {}", caller.accountId(), ex.getStatusCode(),
					ex.getCode());
			return failed(flash, "The payment provider could not be reached; please try again.");
		}
	}

	@PostMapping("/app/billing/contact")
	String contact(Caller caller, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String company, @RequestParam(defaultValue = "") String message,
			RedirectAttributes flash) {
		try {
			this.contacts.submit(caller, email, company, message);
			flash.addFlashAttribute("notice", "Thank you — our team will reply within one business day.");
		}
		catch (ErrorResponseException ex) {
			flash.addFlashAttribute("contactError", ex.getBody().getDetail());
			flash.addFlashAttribute("contactMessage", message);
			flash.addFlashAttribute("contactCompany", company);
		}
		return BACK + "#enterprise";
	}

	@GetMapping("/app/checkout/success")
	String success(Caller caller, Model model) {
		if (this.subscriptions.livePaid(caller.accountId()).filter(SubscriptionView::activeOrTrialing).isPresent()) {
			return "redirect:/app?activated";
		}
		return "app/activating";
	}

	@GetMapping("/app/checkout/status")
	String status(Caller caller, jakarta.servlet.http.HttpServletResponse response) {
		if (this.subscriptions.livePaid(caller.accountId()).filter(SubscriptionView::activeOrTrialing).isPresent()) {
			response.setHeader("HX-Redirect", "/app?activated");
			return "app/activating :: done";
		}
		return "app/activating :: waiting";
	}

	private static String failed(RedirectAttributes flash, String message) {
		flash.addFlashAttribute("error", message);
		return BACK;
	}

}
