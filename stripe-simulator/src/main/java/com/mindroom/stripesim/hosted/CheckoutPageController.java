package com.mindroom.stripesim.hosted;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.node.ObjectNode;

import com.mindroom.common.plan.PlanCatalog.PricedPlan;
import com.mindroom.stripesim.billing.CardException;
import com.mindroom.stripesim.billing.Cards;
import com.mindroom.stripesim.billing.CheckoutSessions;
import com.mindroom.stripesim.billing.InvalidRequestException;
import com.mindroom.stripesim.billing.Money;
import com.mindroom.stripesim.catalog.Catalog;
import com.mindroom.stripesim.clock.SimulatedTime;
import com.mindroom.stripesim.store.Docs;
import com.mindroom.stripesim.store.NoSuchObjectException;
import com.mindroom.stripesim.store.ObjectStore;
import com.mindroom.stripesim.store.StoredObject;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The hosted checkout page at a session's {@code url}: the plan and price, the email and
 * a card form prefilled with Stripe's good test card. "Pay" completes the session and
 * redirects to its {@code success_url}; a declined card is shown as an error and changes
 * nothing.
 */
@Controller
class CheckoutPageController {

	private final ObjectStore store;

	private final CheckoutSessions sessions;

	private final Catalog catalog;

	private final SimulatedTime time;

	CheckoutPageController(ObjectStore store, CheckoutSessions sessions, Catalog catalog, SimulatedTime time) {
		this.store = store;
		this.sessions = sessions;
		this.catalog = catalog;
		this.time = time;
	}

	@GetMapping("/c/pay/{id}")
	String page(@PathVariable String id, Model model) {
		StoredObject session = this.store.require("checkout.session", id);
		return render(session, new Form(email(session), "4242 4242 4242 4242", "12 / 34", "123", null), model);
	}

	@PostMapping("/c/pay/{id}")
	String pay(@PathVariable String id, @RequestParam(required = false) String email,
			@RequestParam(required = false) String cardNumber, @RequestParam(required = false) String expiry,
			@RequestParam(required = false) String cvc, @RequestParam(required = false) String name, Model model,
			HttpServletResponse response) {
		StoredObject session = this.store.require("checkout.session", id);
		Form form = new Form(email, cardNumber, expiry, cvc, name);
		try {
			String address = validEmail(session, email);
			Cards.Card card = Cards.parse(cardNumber, expiry);
			if (cvc == null || !cvc.trim().matches("\\d{3,4}")) {
				throw new CardException("Your card's security code is incomplete.", "incorrect_cvc");
			}
			StoredObject completed = this.store
				.write(() -> this.sessions.complete(id, address, card, this.time.nowSeconds()));
			return "redirect:" + CheckoutSessions.successUrl(completed);
		}
		catch (CardException ex) {
			response.setStatus(HttpStatus.PAYMENT_REQUIRED.value());
			model.addAttribute("error", ex.getMessage());
		}
		catch (InvalidRequestException | NoSuchObjectException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", ex.getMessage());
		}
		return render(this.store.require("checkout.session", id), form, model);
	}

	private String validEmail(StoredObject session, String email) {
		if (Docs.text(session.doc(), "customer") != null) {
			return null;
		}
		if (email == null || !email.trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			throw new InvalidRequestException("Enter a valid email address.", "email");
		}
		return email.trim();
	}

	private String render(StoredObject session, Form form, Model model) {
		ObjectNode doc = this.sessions.view(session, this.time.nowSeconds());
		PricedPlan offer = this.catalog.offer(Docs.text(session.sim(), "price")).orElseThrow();
		model.addAttribute("checkout", doc);
		model.addAttribute("status", Docs.text(doc, "status"));
		model.addAttribute("plan", offer.plan());
		model.addAttribute("product", Catalog.nickname(offer));
		model.addAttribute("price", Money.format(offer.price().amount(), offer.price().currency()));
		model.addAttribute("interval", offer.price().interval().stripeValue());
		model.addAttribute("trialDays", Docs.number(session.sim(), "trial_days"));
		model.addAttribute("customerLocked", Docs.text(doc, "customer") != null);
		model.addAttribute("form", form);
		model.addAttribute("successUrl", CheckoutSessions.successUrl(session));
		model.addAttribute("cards", TestCards.ALL);
		return "checkout";
	}

	private String email(StoredObject session) {
		String customer = Docs.text(session.doc(), "customer");
		if (customer != null) {
			return this.store.find("customer", customer).map((found) -> Docs.text(found.doc(), "email")).orElse(null);
		}
		return Docs.text(session.doc(), "customer_email");
	}

	/**
	 * The checkout form as entered.
	 *
	 * @param email the email
	 * @param cardNumber the card number
	 * @param expiry the expiry
	 * @param cvc the security code
	 * @param name the cardholder's name
	 */
	record Form(String email, String cardNumber, String expiry, String cvc, String name) {

	}

}
