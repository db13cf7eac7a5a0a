package com.mindroom.stripesim.control;

import java.time.Instant;
import java.util.List;

import com.mindroom.stripesim.billing.Subscriptions;
import com.mindroom.stripesim.catalog.Catalog;
import com.mindroom.stripesim.clock.SimulatedTime;
import com.mindroom.stripesim.events.DeliveryOptions;
import com.mindroom.stripesim.events.DeliveryQueue;
import com.mindroom.stripesim.store.Docs;
import com.mindroom.stripesim.store.ListQuery;
import com.mindroom.stripesim.store.ObjectStore;
import com.mindroom.stripesim.store.StoredObject;
import com.mindroom.stripesim.system.Dates;
import com.mindroom.stripesim.system.SimulatorProperties;

import org.springframework.stereotype.Component;

/**
 * What the control page and {@code GET /_sim/api/state} show: the clock, the delivery
 * options and queue, and the subscriptions with their next billing work.
 */
@Component
class Overview {

	private final SimulatedTime time;

	private final ObjectStore store;

	private final Subscriptions subscriptions;

	private final Catalog catalog;

	private final DeliveryQueue deliveries;

	private final SimulatorProperties properties;

	Overview(SimulatedTime time, ObjectStore store, Subscriptions subscriptions, Catalog catalog,
			DeliveryQueue deliveries, SimulatorProperties properties) {
		this.time = time;
		this.store = store;
		this.subscriptions = subscriptions;
		this.catalog = catalog;
		this.deliveries = deliveries;
		this.properties = properties;
	}

	State state() {
		return new State(this.time.now(), this.time.offsetSeconds(),
				this.store.earliestDue().map(Instant::ofEpochSecond).orElse(null), this.deliveries.options(),
				this.properties.webhookUrl().toString());
	}

	List<SubscriptionRow> subscriptions(int limit) {
		return this.store.list(ListQuery.of("subscription", limit)).data().stream().map(this::row).toList();
	}

	List<DeliveryRow> deliveries(int limit) {
		return this.deliveries.recent(limit)
			.stream()
			.map((delivery) -> new DeliveryRow(delivery.id(), delivery.eventId(), delivery.eventType(),
					delivery.status(), delivery.attempts(), delivery.lastStatus(), delivery.lastError(),
					Dates.time(delivery.createdAt()),
					"pending".equals(delivery.status()) ? Dates.time(delivery.nextAttemptAt()) : ""))
			.toList();
	}

	private SubscriptionRow row(StoredObject subscription) {
		String customer = Docs.text(subscription.doc(), "customer");
		String email = this.store.find("customer", customer).map((c) -> Docs.text(c.doc(), "email")).orElse(null);
		String price = subscription.doc().at("/items/data/0/price/id").stringValue(null);
		String plan = this.catalog.offer(price).map(Catalog::nickname).orElse(price);
		var next = this.subscriptions.nextBilling(subscription);
		Long cancelAt = Docs.number(subscription.doc(), "cancel_at");
		return new SubscriptionRow(subscription.id(), customer, email, plan, Docs.text(subscription.doc(), "status"),
				Dates.time(Instant.ofEpochSecond(subscription.doc().at("/items/data/0/current_period_end").asLong(0))),
				(cancelAt != null) ? Dates.time(Instant.ofEpochSecond(cancelAt)) : null,
				next.map((work) -> work.getKey() + " at " + Dates.time(Instant.ofEpochSecond(work.getValue())))
					.orElse(null),
				this.subscriptions.openInvoice(subscription).isPresent());
	}

	/**
	 * The simulator's state.
	 *
	 * @param now the simulated time
	 * @param offsetSeconds how far it is ahead of real time
	 * @param nextBillingAt when the billing engine next acts
	 * @param delivery the delivery options
	 * @param webhookUrl where events go
	 */
	record State(Instant now, long offsetSeconds, Instant nextBillingAt, DeliveryOptions delivery, String webhookUrl) {

	}

	/**
	 * One subscription as the control page lists it.
	 */
	record SubscriptionRow(String id, String customer, String email, String plan, String status, String periodEnd,
			String cancelAt, String nextWork, boolean openInvoice) {

	}

	/**
	 * One delivery as the control page lists it.
	 */
	record DeliveryRow(long id, String eventId, String eventType, String status, int attempts, Integer lastStatus,
			String lastError, String createdAt, String nextAttemptAt) {

	}

}
