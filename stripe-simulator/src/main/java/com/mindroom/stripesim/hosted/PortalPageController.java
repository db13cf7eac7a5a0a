package com.mindroom.stripesim.hosted;

import java.util.function.Supplier;

import com.mindroom.stripesim.billing.CardException;
import com.mindroom.stripesim.billing.CardUpdates;
import com.mindroom.stripesim.billing.Cards;
import com.mindroom.stripesim.billing.InvalidRequestException;
import com.mindroom.stripesim.billing.PortalSessions;
import com.mindroom.stripesim.billing.SubscriptionChanges;
import com.mindroom.stripesim.billing.SubscriptionUpdate;
import com.mindroom.stripesim.billing.Subscriptions;
import com.mindroom.stripesim.clock.SimulatedTime;
import com.mindroom.stripesim.store.Docs;
import com.mindroom.stripesim.store.NoSuchObjectException;
import com.mindroom.stripesim.store.ObjectStore;
import com.mindroom.stripesim.store.StoredObject;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The hosted customer portal at a billing portal session's {@code url}: the current plan,
 * switching plans (prorated and invoiced at once), cancelling at the period's end or
 * resuming, replacing the card, the invoices, and the link back to the platform.
 */
@Controller
class PortalPageController {

	private final ObjectStore store;

	private final PortalSessions sessions;

	private final Subscriptions subscriptions;

	private final SubscriptionChanges changes;

	private final CardUpdates cards;

	private final PortalView view;

	private final SimulatedTime time;

	PortalPageController(ObjectStore store, PortalSessions sessions, Subscriptions subscriptions,
			SubscriptionChanges changes, CardUpdates cards, PortalView view, SimulatedTime time) {
		this.store = store;
		this.sessions = sessions;
		this.subscriptions = subscriptions;
		this.changes = changes;
		this.cards = cards;
		this.view = view;
		this.time = time;
	}

	@GetMapping("/p/session/{id}")
	String page(@PathVariable String id, Model model) {
		this.view.fill(this.sessions.require(id), model);
		model.addAttribute("cards", TestCards.ALL);
		return "portal";
	}

	@PostMapping("/p/session/{id}/plan")
	String switchPlan(@PathVariable String id, @RequestParam(required = false) String subscription,
			@RequestParam(required = false) String price, RedirectAttributes flash) {
		return act(id, subscription, true, flash, () -> {
			if (price == null || price.isBlank()) {
				throw new InvalidRequestException("Choose a plan.", "price");
			}
			this.changes.update(subscription, SubscriptionUpdate.price(price, "always_invoice"),
					this.time.nowSeconds());
			return "Your plan was changed.";
		});
	}

	@PostMapping("/p/session/{id}/cancel")
	String cancel(@PathVariable String id, @RequestParam(required = false) String subscription,
			RedirectAttributes flash) {
		return act(id, subscription, true, flash, () -> {
			this.changes.update(subscription, SubscriptionUpdate.cancelAtPeriodEnd(true), this.time.nowSeconds());
			return "Your subscription will end at the end of the billing period.";
		});
	}

	@PostMapping("/p/session/{id}/resume")
	String resume(@PathVariable String id, @RequestParam(required = false) String subscription,
			RedirectAttributes flash) {
		return act(id, subscription, true, flash, () -> {
			this.changes.update(subscription, SubscriptionUpdate.cancelAtPeriodEnd(false), this.time.nowSeconds());
			return "Your subscription continues.";
		});
	}

	@PostMapping("/p/session/{id}/card")
	String card(@PathVariable String id, @RequestParam(required = false) String cardNumber,
			@RequestParam(required = false) String expiry, RedirectAttributes flash) {
		return act(id, null, false, flash, () -> {
			Cards.Card card = Cards.parse(cardNumber, expiry);
			String customer = Docs.text(this.sessions.require(id).doc(), "customer");
			int recovered = this.cards.replace(customer, card, this.time.nowSeconds(), true);
			return "Your card ending in " + card.last4() + " was saved"
					+ ((recovered > 0) ? " and your outstanding invoice was paid." : ".");
		});
	}

	/**
	 * Runs a portal action in one write; a subscription action's subscription must be the
	 * session customer's.
	 */
	private String act(String id, String subscription, boolean forSubscription, RedirectAttributes flash,
			Supplier<String> action) {
		StoredObject session = this.sessions.require(id);
		try {
			flash.addFlashAttribute("message", this.store.write(() -> {
				if (forSubscription) {
					requireOwn(session, subscription);
				}
				return action.get();
			}));
		}
		catch (InvalidRequestException | CardException | NoSuchObjectException ex) {
			flash.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/p/session/" + id;
	}

	private void requireOwn(StoredObject session, String subscription) {
		if (subscription == null || subscription.isBlank()) {
			throw new InvalidRequestException("Choose a subscription.", "subscription");
		}
		StoredObject found = this.subscriptions.require(subscription);
		if (!Docs.text(session.doc(), "customer").equals(Docs.text(found.doc(), "customer"))) {
			throw new NoSuchObjectException("subscription", subscription);
		}
	}

}
