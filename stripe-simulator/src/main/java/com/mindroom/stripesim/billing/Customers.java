package com.mindroom.stripesim.billing;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import com.mindroom.stripesim.events.EventLog;
import com.mindroom.stripesim.store.Docs;
import com.mindroom.stripesim.store.Ids;
import com.mindroom.stripesim.store.NoSuchObjectException;
import com.mindroom.stripesim.store.ObjectStore;
import com.mindroom.stripesim.store.StoredObject;

import org.springframework.stereotype.Component;

/**
 * Customers and their cards ({@code payment_method} objects whose test-card behaviour is
 * kept out of the API's view).
 */
@Component
public class Customers {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private final ObjectStore store;

	private final EventLog events;

	Customers(ObjectStore store, EventLog events) {
		this.store = store;
		this.events = events;
	}

	/**
	 * Creates a customer ({@code customer.created}).
	 * @param fields the fields to set
	 * @param at the simulated time
	 * @return the customer
	 */
	public StoredObject create(CustomerFields fields, long at) {
		ObjectNode doc = nodes.objectNode();
		doc.put("id", Ids.next("cus"));
		doc.put("object", "customer");
		doc.putNull("address");
		doc.put("balance", 0);
		doc.put("created", at);
		doc.putNull("currency");
		doc.putNull("default_source");
		doc.put("delinquent", false);
		doc.putNull("description");
		doc.putNull("discount");
		doc.putNull("email");
		doc.put("invoice_prefix", HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).toUpperCase());
		ObjectNode invoiceSettings = doc.putObject("invoice_settings");
		invoiceSettings.putNull("custom_fields");
		invoiceSettings.putNull("default_payment_method");
		invoiceSettings.putNull("footer");
		invoiceSettings.putNull("rendering_options");
		doc.put("livemode", false);
		doc.putObject("metadata");
		doc.putNull("name");
		doc.put("next_invoice_sequence", 1);
		doc.putNull("phone");
		doc.putArray("preferred_locales");
		doc.putNull("shipping");
		doc.put("tax_exempt", "none");
		doc.putNull("test_clock");
		apply(doc, fields);
		StoredObject customer = new StoredObject(doc.get("id").stringValue(), "customer", doc, nodes.objectNode());
		this.store.save(customer);
		this.events.emit("customer.created", doc, at);
		return customer;
	}

	/**
	 * Returns a customer that exists and is not deleted.
	 * @param id the customer id
	 * @return the customer
	 */
	public StoredObject require(String id) {
		StoredObject customer = this.store.require("customer", id);
		if (Docs.flag(customer.sim(), "deleted")) {
			throw new NoSuchObjectException("customer", id);
		}
		return customer;
	}

	public boolean isDeleted(StoredObject customer) {
		return Docs.flag(customer.sim(), "deleted");
	}

	/**
	 * Changes a customer ({@code customer.updated} when something changed).
	 * @param id the customer id
	 * @param fields the fields to set
	 * @param at the simulated time
	 * @return the customer
	 */
	public StoredObject update(String id, CustomerFields fields, long at) {
		StoredObject customer = require(id);
		if (fields.defaultPaymentMethod() != null) {
			requireCardOf(customer, fields.defaultPaymentMethod());
		}
		ObjectNode before = customer.doc().deepCopy();
		apply(customer.doc(), fields);
		return saveChanged(customer, before, at);
	}

	/**
	 * Marks a customer deleted ({@code customer.deleted}); its subscriptions are canceled
	 * by the caller first.
	 * @param customer the customer
	 * @param at the simulated time
	 */
	public void delete(StoredObject customer, long at) {
		customer.sim().put("deleted", true);
		this.store.save(customer);
		this.events.emit("customer.deleted", customer.doc(), at);
	}

	/**
	 * Attaches a card and makes it the customer's default
	 * ({@code payment_method.attached}, {@code customer.updated}).
	 * @param customer the customer
	 * @param card the card
	 * @param at the simulated time
	 * @return the payment method's id
	 */
	public String attachCard(StoredObject customer, Cards.Card card, long at) {
		ObjectNode method = nodes.objectNode();
		String id = Ids.next("pm");
		method.put("id", id);
		method.put("object", "payment_method");
		method.putNull("allow_redisplay");
		method.putObject("billing_details").put("email", Docs.text(customer.doc(), "email"));
		ObjectNode details = method.putObject("card");
		details.put("brand", card.brand());
		details.put("country", "US");
		details.put("exp_month", card.expMonth());
		details.put("exp_year", card.expYear());
		details.put("funding", "credit");
		details.put("last4", card.last4());
		method.put("created", at);
		method.put("customer", customer.id());
		method.put("livemode", false);
		method.putObject("metadata");
		method.put("type", "card");
		ObjectNode sim = nodes.objectNode();
		sim.put("behavior", card.behavior().name());
		this.store.save(new StoredObject(id, "payment_method", method, sim));
		this.events.emit("payment_method.attached", method, at);
		update(customer.id(), new CustomerFields(null, null, null, null, null, id), at);
		return id;
	}

	/**
	 * Charges the customer's default card.
	 * @param customerId the customer
	 * @param amount the amount in minor units
	 * @param atCheckout whether this is the charge made as the card is entered (which a
	 * card that fails later still pays)
	 * @return whether the charge went through
	 */
	public boolean charge(String customerId, long amount, boolean atCheckout) {
		if (amount <= 0) {
			return true;
		}
		return defaultCard(require(customerId))
			.map((method) -> Cards.Behavior.valueOf(Docs.text(method.sim(), "behavior")).charges(atCheckout))
			.orElse(false);
	}

	/**
	 * The customer's default card.
	 * @param customer the customer
	 * @return its payment method, if it has one
	 */
	public Optional<StoredObject> defaultCard(StoredObject customer) {
		String id = Docs.text(Docs.object(customer.doc(), "invoice_settings"), "default_payment_method");
		return (id != null) ? this.store.find("payment_method", id) : Optional.empty();
	}

	/**
	 * Takes the customer's next invoice number ({@code <prefix>-0001}).
	 * @param customer the customer
	 * @return the number
	 */
	public String nextInvoiceNumber(StoredObject customer) {
		long sequence = Docs.number(customer.doc(), "next_invoice_sequence", 1);
		customer.doc().put("next_invoice_sequence", sequence + 1);
		this.store.save(customer);
		return Docs.text(customer.doc(), "invoice_prefix") + "-" + String.format("%04d", sequence);
	}

	/**
	 * Saves a changed customer and sends {@code customer.updated} when something changed.
	 * @param customer the customer, changed
	 * @param before its document before the change
	 * @param at the simulated time
	 * @return the customer
	 */
	public StoredObject saveChanged(StoredObject customer, ObjectNode before, long at) {
		ObjectNode previous = Changes.previous(before, customer.doc());
		this.store.save(customer);
		if (!previous.isEmpty()) {
			this.events.emit("customer.updated", customer.doc(), previous, at);
		}
		return customer;
	}

	private void requireCardOf(StoredObject customer, String paymentMethod) {
		Optional<StoredObject> method = this.store.find("payment_method", paymentMethod);
		if (method.isEmpty() || !customer.id().equals(Docs.text(method.get().doc(), "customer"))) {
			throw new InvalidRequestException("No such PaymentMethod: '" + paymentMethod + "'",
					"invoice_settings[default_payment_method]");
		}
	}

	private static void apply(ObjectNode doc, CustomerFields fields) {
		setIfGiven(doc, "email", fields.email());
		setIfGiven(doc, "name", fields.name());
		setIfGiven(doc, "description", fields.description());
		setIfGiven(doc, "phone", fields.phone());
		Changes.mergeMetadata(doc, fields.metadata());
		if (fields.defaultPaymentMethod() != null) {
			((ObjectNode) doc.get("invoice_settings")).put("default_payment_method", fields.defaultPaymentMethod());
		}
	}

	private static void setIfGiven(ObjectNode doc, String field, String value) {
		if (value != null) {
			if (value.isEmpty()) {
				doc.putNull(field);
			}
			else {
				doc.put(field, value);
			}
		}
	}

}
