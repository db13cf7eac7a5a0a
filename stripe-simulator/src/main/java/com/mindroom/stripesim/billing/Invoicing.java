package com.mindroom.stripesim.billing;

import java.time.Duration;
import java.util.List;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import com.mindroom.stripesim.events.EventLog;
import com.mindroom.stripesim.store.Docs;
import com.mindroom.stripesim.store.Ids;
import com.mindroom.stripesim.store.ObjectStore;
import com.mindroom.stripesim.store.StoredObject;
import com.mindroom.stripesim.system.SimulatorProperties;

import org.springframework.stereotype.Component;

/**
 * Issues invoices (created, then finalized) and collects them from the customer's card,
 * scheduling Stripe's smart retries when a payment fails.
 */
@Component
class Invoicing {

	private final ObjectStore store;

	private final Customers customers;

	private final EventLog events;

	private final List<Integer> retryDays;

	Invoicing(ObjectStore store, Customers customers, EventLog events, SimulatorProperties properties) {
		this.store = store;
		this.customers = customers;
		this.events = events;
		this.retryDays = properties.billing().retryDays();
	}

	/**
	 * Issues an invoice: {@code invoice.created}, then {@code invoice.finalized} with its
	 * number. The customer's credit balance is applied.
	 * @param subscription the subscription billed (its {@code latest_invoice} is set; the
	 * caller saves it)
	 * @param lines the lines
	 * @param reason the billing reason
	 * @param periodStart the billed period's start
	 * @param periodEnd the billed period's end
	 * @param at the simulated time
	 * @return the open invoice
	 */
	StoredObject issue(ObjectNode subscription, List<ObjectNode> lines, String reason, long periodStart, long periodEnd,
			long at) {
		return issue(Ids.next("in"), subscription, lines, reason, periodStart, periodEnd, at);
	}

	/**
	 * Issues an invoice with an id chosen beforehand (so the subscription that it starts
	 * can name it as its {@code latest_invoice} from its first event).
	 */
	StoredObject issue(String id, ObjectNode subscription, List<ObjectNode> lines, String reason, long periodStart,
			long periodEnd, long at) {
		StoredObject customer = this.customers.require(Docs.text(subscription, "customer"));
		ObjectNode doc = InvoiceDocs.draft(id, customer.doc(), subscription, lines, reason, periodStart, periodEnd, at);
		StoredObject invoice = new StoredObject(Docs.text(doc, "id"), "invoice", doc,
				JsonNodeFactory.instance.objectNode());
		this.store.save(invoice);
		this.events.emit("invoice.created", doc, at);
		doc.put("number", this.customers.nextInvoiceNumber(customer));
		doc.put("status", "open");
		doc.put("effective_at", at);
		((ObjectNode) doc.get("status_transitions")).put("finalized_at", at);
		customer.doc().put("balance", Docs.number(doc, "ending_balance", 0));
		this.store.save(customer);
		this.store.save(invoice);
		this.events.emit("invoice.finalized", doc, at);
		subscription.put("latest_invoice", invoice.id());
		return invoice;
	}

	/**
	 * Tries to collect an open invoice: {@code invoice.paid} and
	 * {@code invoice.payment_succeeded}, or {@code invoice.payment_failed} with the next
	 * retry in {@code next_payment_attempt} (none after the last one).
	 * @param invoice the invoice
	 * @param atCheckout whether the card is being entered right now
	 * @param at the simulated time
	 * @return whether it is paid
	 */
	boolean collect(StoredObject invoice, boolean atCheckout, long at) {
		ObjectNode doc = invoice.doc();
		long due = Docs.number(doc, "amount_remaining", 0);
		boolean paid = this.customers.charge(Docs.text(doc, "customer"), due, atCheckout);
		if (due > 0) {
			doc.put("attempted", true);
			doc.put("attempt_count", Docs.number(doc, "attempt_count", 0) + 1);
		}
		if (paid) {
			markPaid(doc, due, at);
			this.store.save(invoice);
			this.events.emit("invoice.paid", doc, at);
			this.events.emit("invoice.payment_succeeded", doc, at);
			return true;
		}
		Long retry = nextAttempt(Docs.number(doc, "attempt_count", 1), at);
		doc.put("next_payment_attempt", retry);
		this.store.save(invoice);
		this.events.emit("invoice.payment_failed", doc, at);
		return false;
	}

	private static void markPaid(ObjectNode doc, long due, long at) {
		doc.put("status", "paid");
		doc.put("amount_paid", due);
		doc.put("amount_remaining", 0);
		doc.putNull("next_payment_attempt");
		((ObjectNode) doc.get("status_transitions")).put("paid_at", at);
	}

	/**
	 * When a failed invoice is tried again.
	 * @param attempts the attempts made so far
	 * @param at the time of the last attempt
	 * @return the next attempt's time, or {@code null} when the retries are exhausted
	 */
	private Long nextAttempt(long attempts, long at) {
		if (attempts > this.retryDays.size()) {
			return null;
		}
		return at + Duration.ofDays(this.retryDays.get((int) attempts - 1)).toSeconds();
	}

}
