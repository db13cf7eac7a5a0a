package com.mindroom.stripesim.billing;

import java.util.List;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import com.mindroom.common.plan.PlanCatalog.PricedPlan;
import com.mindroom.stripesim.catalog.Catalog;
import com.mindroom.stripesim.store.Docs;
import com.mindroom.stripesim.store.Ids;

/**
 * Invoice documents in the current API's shape: an invoice names its subscription in
 * {@code parent.subscription_details}, and each line its price in {@code pricing}.
 */
final class InvoiceDocs {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private InvoiceDocs() {
	}

	/**
	 * One invoice line for a subscription item.
	 * @param subscription the subscription
	 * @param offer the plan and price billed
	 * @param description what the line says
	 * @param amount the amount (negative for a credit)
	 * @param start the period's start
	 * @param end the period's end
	 * @param proration whether it is a proration
	 * @return the line (its {@code invoice} is set when the invoice is drafted)
	 */
	static ObjectNode line(ObjectNode subscription, PricedPlan offer, String description, long amount, long start,
			long end, boolean proration) {
		ObjectNode line = nodes.objectNode();
		line.put("id", Ids.next("il"));
		line.put("object", "line_item");
		line.put("amount", amount);
		line.put("currency", offer.price().currency());
		line.put("description", description);
		line.putArray("discount_amounts");
		line.put("discountable", !proration);
		line.putArray("discounts");
		line.putNull("invoice");
		line.put("livemode", false);
		line.putObject("metadata");
		ObjectNode parent = line.putObject("parent");
		parent.put("type", "subscription_item_details");
		parent.putNull("invoice_item_details");
		ObjectNode details = parent.putObject("subscription_item_details");
		details.putNull("invoice_item");
		details.put("proration", proration);
		details.putNull("proration_details");
		details.put("subscription", Docs.text(subscription, "id"));
		details.put("subscription_item", Docs.text(SubscriptionDocs.item(subscription), "id"));
		ObjectNode period = line.putObject("period");
		period.put("start", start);
		period.put("end", end);
		line.putArray("pretax_credit_amounts");
		ObjectNode pricing = line.putObject("pricing");
		pricing.put("type", "price_details");
		ObjectNode price = pricing.putObject("price_details");
		price.put("price", offer.price().stripePriceId());
		price.put("product", Catalog.productId(offer.plan()));
		pricing.put("unit_amount_decimal", Long.toString(amount));
		line.put("quantity", 1);
		line.put("subtotal", amount);
		line.putArray("taxes");
		return line;
	}

	/**
	 * A draft invoice of a subscription.
	 * @param id the invoice's id
	 * @param customer the customer document
	 * @param subscription the subscription document
	 * @param lines the lines
	 * @param reason the billing reason ({@code subscription_create},
	 * {@code subscription_cycle}...)
	 * @param periodStart the billed period's start
	 * @param periodEnd the billed period's end
	 * @param at when it is created
	 * @return the invoice (status {@code draft}, customer balance applied)
	 */
	static ObjectNode draft(String id, ObjectNode customer, ObjectNode subscription, List<ObjectNode> lines,
			String reason, long periodStart, long periodEnd, long at) {
		ObjectNode doc = nodes.objectNode();
		long total = lines.stream().mapToLong((line) -> Docs.number(line, "amount", 0)).sum();
		long balance = Docs.number(customer, "balance", 0);
		long credit = (balance < 0 && total > 0) ? Math.min(-balance, total) : 0;
		long due = Math.max(0, total - credit);
		doc.put("id", id);
		doc.put("object", "invoice");
		doc.put("account_country", "US");
		doc.put("account_name", "MindRoom (simulated Stripe)");
		doc.putNull("account_tax_ids");
		doc.put("amount_due", due);
		doc.put("amount_overpaid", 0);
		doc.put("amount_paid", 0);
		doc.put("amount_remaining", due);
		doc.put("amount_shipping", 0);
		doc.putNull("application");
		doc.put("attempt_count", 0);
		doc.put("attempted", false);
		doc.put("auto_advance", true);
		ObjectNode tax = doc.putObject("automatic_tax");
		tax.putNull("disabled_reason");
		tax.put("enabled", false);
		tax.putNull("liability");
		tax.putNull("provider");
		tax.putNull("status");
		doc.putNull("automatically_finalizes_at");
		doc.put("billing_reason", reason);
		doc.put("collection_method", "charge_automatically");
		doc.put("created", at);
		doc.put("currency", Docs.text(subscription, "currency"));
		doc.putNull("custom_fields");
		doc.put("customer", Docs.text(customer, "id"));
		doc.putNull("customer_account");
		doc.putNull("customer_address");
		doc.put("customer_email", Docs.text(customer, "email"));
		doc.put("customer_name", Docs.text(customer, "name"));
		doc.putNull("customer_phone");
		doc.putNull("customer_shipping");
		doc.put("customer_tax_exempt", "none");
		doc.putArray("customer_tax_ids");
		doc.putNull("default_payment_method");
		doc.putNull("default_source");
		doc.putArray("default_tax_rates");
		doc.putNull("description");
		doc.putArray("discounts");
		doc.putNull("due_date");
		doc.putNull("effective_at");
		doc.put("ending_balance", balance + credit + Math.min(0, total));
		doc.putNull("footer");
		doc.putNull("from_invoice");
		doc.putNull("hosted_invoice_url");
		doc.putNull("invoice_pdf");
		doc.putObject("issuer").put("type", "self");
		doc.putNull("last_finalization_error");
		doc.putNull("latest_revision");
		ObjectNode list = doc.putObject("lines");
		list.put("object", "list");
		ArrayNode data = list.putArray("data");
		lines.forEach((line) -> data.add(line.put("invoice", id)));
		list.put("has_more", false);
		list.put("total_count", lines.size());
		list.put("url", "/v1/invoices/" + id + "/lines");
		doc.put("livemode", false);
		doc.putObject("metadata");
		doc.putNull("next_payment_attempt");
		doc.putNull("number");
		doc.putNull("on_behalf_of");
		ObjectNode parent = doc.putObject("parent");
		parent.put("type", "subscription_details");
		parent.putNull("quote_details");
		ObjectNode details = parent.putObject("subscription_details");
		details.set("metadata", subscription.get("metadata").deepCopy());
		details.put("subscription", Docs.text(subscription, "id"));
		ObjectNode payment = doc.putObject("payment_settings");
		payment.putNull("default_mandate");
		payment.putNull("payment_method_options");
		payment.putNull("payment_method_types");
		doc.put("period_end", periodEnd);
		doc.put("period_start", periodStart);
		doc.put("post_payment_credit_notes_amount", 0);
		doc.put("pre_payment_credit_notes_amount", 0);
		doc.putNull("receipt_number");
		doc.putNull("rendering");
		doc.putNull("shipping_cost");
		doc.putNull("shipping_details");
		doc.put("starting_balance", balance);
		doc.putNull("statement_descriptor");
		doc.put("status", "draft");
		ObjectNode transitions = doc.putObject("status_transitions");
		transitions.putNull("finalized_at");
		transitions.putNull("marked_uncollectible_at");
		transitions.putNull("paid_at");
		transitions.putNull("voided_at");
		doc.put("subtotal", total);
		doc.put("subtotal_excluding_tax", total);
		doc.putNull("test_clock");
		doc.put("total", total);
		doc.putArray("total_discount_amounts");
		doc.put("total_excluding_tax", total);
		doc.putArray("total_pretax_credit_amounts");
		doc.putArray("total_taxes");
		doc.putNull("webhooks_delivered_at");
		return doc;
	}

}
