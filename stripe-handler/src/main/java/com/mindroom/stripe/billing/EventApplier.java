package com.mindroom.stripe.billing;

import java.time.Clock;
import java.time.Instant;

import com.stripe.Stripe;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.StripeObject;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;

import com.mindroom.stripe.api.StripeApi;

import org.springframework.stereotype.Component;

/**
 * Applies one Stripe event, in two steps: {@link #prepare} fetches, outside any
 * transaction, the current state of the subscription the event concerns (when the Stripe
 * API is configured: Stripe's advice when order matters), and {@link #apply} writes the
 * result in the caller's transaction.
 */
@Component
public class EventApplier {

	private final StripeApi api;

	private final SubscriptionEvents subscriptions;

	private final InvoiceEvents invoices;

	private final CustomerEvents customers;

	private final Clock clock;

	EventApplier(StripeApi api, SubscriptionEvents subscriptions, InvoiceEvents invoices, CustomerEvents customers,
			Clock clock) {
		this.api = api;
		this.subscriptions = subscriptions;
		this.invoices = invoices;
		this.customers = customers;
		this.clock = clock;
	}

	/**
	 * Fetches what applying the event needs from Stripe.
	 * @param event the event
	 * @return the event with the subscription's current state, if fetched
	 */
	public PreparedEvent prepare(Event event) {
		String subscriptionId = fetches(event) ? subscriptionOf(object(event)) : null;
		if (subscriptionId == null) {
			return PreparedEvent.asDelivered(event);
		}
		Instant fetchedAt = this.clock.instant();
		return this.api.subscription(subscriptionId)
			.map((current) -> new PreparedEvent(event, current, fetchedAt))
			.orElseGet(() -> PreparedEvent.asDelivered(event));
	}

	/**
	 * Whether preparing the event may call the Stripe API (so a known duplicate is better
	 * recognised first).
	 * @param event the event
	 * @return whether {@link #prepare} may fetch
	 */
	public boolean fetches(Event event) {
		return this.api.enabled() && HandledEvents.TYPES.contains(event.getType());
	}

	/**
	 * The outcome applying the event will most likely have (from its type), so the inbox
	 * can store it with that status at once.
	 * @param event the event
	 * @return the likely outcome
	 */
	public EventOutcome expectedOutcome(Event event) {
		return HandledEvents.TYPES.contains(event.getType()) ? EventOutcome.PROCESSED : EventOutcome.IGNORED;
	}

	/**
	 * Applies a prepared event in the caller's transaction.
	 * @param prepared the event
	 * @return the outcome
	 * @throws CannotApplyException when the event cannot be applied yet
	 */
	public EventOutcome apply(PreparedEvent prepared) {
		String type = prepared.event().getType();
		if (!HandledEvents.TYPES.contains(type)) {
			return EventOutcome.IGNORED;
		}
		StripeObject object = object(prepared.event());
		if (HandledEvents.isSubscriptionEvent(type)) {
			this.subscriptions.apply(prepared, (Subscription) object);
			return EventOutcome.PROCESSED;
		}
		if (HandledEvents.isInvoiceEvent(type)) {
			this.invoices.apply(prepared, (Invoice) object);
			return EventOutcome.PROCESSED;
		}
		if (object instanceof Session session) {
			return this.customers.checkoutCompleted(prepared, session);
		}
		this.customers.apply(prepared, (Customer) object);
		return EventOutcome.PROCESSED;
	}

	private static String subscriptionOf(StripeObject object) {
		if (object instanceof Subscription subscription) {
			return subscription.getId();
		}
		if (object instanceof Invoice invoice) {
			return InvoiceSync.subscriptionOf(invoice);
		}
		if (object instanceof Session session && "subscription".equals(session.getMode())) {
			return session.getSubscription();
		}
		return null;
	}

	private static StripeObject object(Event event) {
		try {
			return event.getDataObjectDeserializer().deserializeUnsafe();
		}
		catch (EventDataObjectDeserializationException ex) {
			throw new CannotApplyException("The " + event.getType() + " event's object cannot be read with API version "
					+ Stripe.API_VERSION + " (the event has " + event.getApiVersion() + ")");
		}
	}

	static String actor(Event event) {
		return "stripe:" + event.getId();
	}

}
