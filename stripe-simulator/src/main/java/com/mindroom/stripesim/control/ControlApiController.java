package com.mindroom.stripesim.control;

import java.util.List;

import com.mindroom.stripesim.billing.BillingClock;
import com.mindroom.stripesim.billing.CardUpdates;
import com.mindroom.stripesim.billing.Cards;
import com.mindroom.stripesim.billing.Subscriptions;
import com.mindroom.stripesim.clock.SimulatedTime;
import com.mindroom.stripesim.events.Delivery;
import com.mindroom.stripesim.events.DeliveryOptions;
import com.mindroom.stripesim.events.DeliveryQueue;
import com.mindroom.stripesim.store.Docs;
import com.mindroom.stripesim.store.ObjectStore;
import com.mindroom.stripesim.store.StoredObject;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The control API ({@code /_sim/api}, JSON only, so a browser form on another site cannot
 * drive it): advance the clock, retry a payment, replace a card, set the delivery
 * options, read the delivery queue.
 */
@RestController
@RequestMapping(path = "/_sim/api", produces = MediaType.APPLICATION_JSON_VALUE)
class ControlApiController {

	private final Overview overview;

	private final BillingClock clock;

	private final ObjectStore store;

	private final SimulatedTime time;

	private final Subscriptions subscriptions;

	private final CardUpdates cards;

	private final DeliveryQueue deliveries;

	ControlApiController(Overview overview, BillingClock clock, ObjectStore store, SimulatedTime time,
			Subscriptions subscriptions, CardUpdates cards, DeliveryQueue deliveries) {
		this.overview = overview;
		this.clock = clock;
		this.store = store;
		this.time = time;
		this.subscriptions = subscriptions;
		this.cards = cards;
		this.deliveries = deliveries;
	}

	@GetMapping("/state")
	Overview.State state() {
		return this.overview.state();
	}

	/**
	 * Advances the clock by a duration ({@code "by": "30d"}) or to a moment
	 * ({@code "to": "2027-01-31T00:00:00Z"} or epoch seconds).
	 */
	@PostMapping(path = "/clock/advance", consumes = MediaType.APPLICATION_JSON_VALUE)
	BillingClock.State advance(@RequestBody Advance request) {
		if (request.to() != null) {
			return this.clock.advance(ControlInput.until(request.to(), this.time.nowSeconds()));
		}
		return this.clock.advance(ControlInput.duration(request.by()));
	}

	@PostMapping(path = "/clock/advance-to-next", consumes = MediaType.APPLICATION_JSON_VALUE)
	BillingClock.State advanceToNext() {
		return this.clock.advanceToNextWork();
	}

	@PostMapping(path = "/subscriptions/{id}/retry-payment", consumes = MediaType.APPLICATION_JSON_VALUE)
	SubscriptionState retryPayment(@PathVariable String id) {
		StoredObject subscription = this.store
			.write(() -> this.subscriptions.retryPayment(this.subscriptions.require(id), this.time.nowSeconds()));
		return SubscriptionState.of(subscription);
	}

	@PostMapping(path = "/customers/{id}/card", consumes = MediaType.APPLICATION_JSON_VALUE)
	CardResult replaceCard(@PathVariable String id, @RequestBody CardRequest request) {
		Cards.Card card = Cards.parse(request.number(), request.expiry());
		int recovered = this.store.write(() -> this.cards.replace(id, card, this.time.nowSeconds(),
				Boolean.TRUE.equals(request.retryOpenInvoices())));
		return new CardResult(card.brand(), card.last4(), recovered);
	}

	@GetMapping("/delivery-options")
	DeliveryOptions options() {
		return this.deliveries.options();
	}

	@PutMapping(path = "/delivery-options", consumes = MediaType.APPLICATION_JSON_VALUE)
	DeliveryOptions setOptions(@RequestBody DeliveryOptions options) {
		this.deliveries.setOptions(options);
		return this.deliveries.options();
	}

	@GetMapping("/deliveries")
	List<Delivery> deliveries(@RequestParam(defaultValue = "50") int limit) {
		return this.deliveries.recent(Math.max(1, Math.min(limit, 500)));
	}

	@PostMapping(path = "/deliveries/retry-now", consumes = MediaType.APPLICATION_JSON_VALUE)
	List<Delivery> retryNow() {
		this.deliveries.retryAllNow();
		return this.deliveries.recent(50);
	}

	/**
	 * How far to advance.
	 *
	 * @param by a duration: {@code 30d}, {@code 36h}, or ISO-8601 ({@code P30D})
	 * @param to a moment to advance to instead: ISO-8601 or epoch seconds
	 */
	record Advance(String by, String to) {

	}

	/**
	 * A card to use.
	 *
	 * @param number the card number
	 * @param expiry the expiry as {@code MM / YY}, optional
	 * @param retryOpenInvoices whether past-due invoices are collected with it at once
	 * (as the hosted portal does); otherwise "retry payment" does that
	 */
	record CardRequest(String number, String expiry, Boolean retryOpenInvoices) {

	}

	/**
	 * The card now in use.
	 *
	 * @param brand the brand
	 * @param last4 its last four digits
	 * @param recovered how many past-due subscriptions it brought back to active
	 */
	record CardResult(String brand, String last4, int recovered) {

	}

	/**
	 * A subscription after a payment retry.
	 *
	 * @param id the subscription
	 * @param status its status
	 * @param latestInvoice its latest invoice
	 */
	record SubscriptionState(String id, String status, String latestInvoice) {

		static SubscriptionState of(StoredObject subscription) {
			return new SubscriptionState(subscription.id(), Docs.text(subscription.doc(), "status"),
					Docs.text(subscription.doc(), "latest_invoice"));
		}

	}

}
