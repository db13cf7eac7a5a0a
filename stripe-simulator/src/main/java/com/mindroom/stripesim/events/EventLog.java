package com.mindroom.stripesim.events;

import com.stripe.Stripe;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import com.mindroom.stripesim.store.Ids;
import com.mindroom.stripesim.store.ObjectStore;
import com.mindroom.stripesim.store.StoredObject;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records Stripe events (in Stripe's event shape, for the API version stripe-java 33
 * speaks) and queues them for webhook delivery in the same transaction as the change they
 * describe.
 */
@Component
public class EventLog {

	private final ObjectStore store;

	private final DeliveryQueue queue;

	private final ApplicationEventPublisher publisher;

	EventLog(ObjectStore store, DeliveryQueue queue, ApplicationEventPublisher publisher) {
		this.store = store;
		this.queue = queue;
		this.publisher = publisher;
	}

	/**
	 * Records an event about an object.
	 * @param type the event type ({@code customer.subscription.updated}...)
	 * @param object the object as it is now (copied)
	 * @param at when it happened, in simulated epoch seconds
	 * @return the event's id
	 */
	public String emit(String type, ObjectNode object, long at) {
		return emit(type, object, null, at);
	}

	/**
	 * Records an event about a changed object.
	 * @param type the event type
	 * @param object the object as it is now (copied)
	 * @param previousAttributes the changed fields' values before the change, or
	 * {@code null}
	 * @param at when it happened, in simulated epoch seconds
	 * @return the event's id
	 */
	public String emit(String type, ObjectNode object, ObjectNode previousAttributes, long at) {
		ObjectNode event = JsonNodeFactory.instance.objectNode();
		String id = Ids.next("evt");
		event.put("id", id);
		event.put("object", "event");
		event.put("api_version", Stripe.API_VERSION);
		event.put("created", at);
		ObjectNode data = event.putObject("data");
		data.set("object", object.deepCopy());
		if (previousAttributes != null && !previousAttributes.isEmpty()) {
			data.set("previous_attributes", previousAttributes.deepCopy());
		}
		event.put("livemode", false);
		event.put("pending_webhooks", 1);
		RequestOrigin.Origin origin = RequestOrigin.current();
		ObjectNode request = event.putObject("request");
		request.put("id", origin.requestId());
		request.put("idempotency_key", origin.idempotencyKey());
		event.put("type", type);
		this.store.save(new StoredObject(id, "event", event, JsonNodeFactory.instance.objectNode()));
		this.queue.enqueue(id);
		this.publisher.publishEvent(new EventsQueued());
		return id;
	}

}
