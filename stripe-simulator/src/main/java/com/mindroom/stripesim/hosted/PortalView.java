package com.mindroom.stripesim.hosted;

import java.time.Instant;

import tools.jackson.databind.node.ObjectNode;

import com.mindroom.common.plan.PlanCatalog.PricedPlan;
import com.mindroom.stripesim.billing.Customers;
import com.mindroom.stripesim.billing.Money;
import com.mindroom.stripesim.catalog.Catalog;
import com.mindroom.stripesim.store.Docs;
import com.mindroom.stripesim.store.ListQuery;
import com.mindroom.stripesim.store.ObjectStore;
import com.mindroom.stripesim.store.StoredObject;
import com.mindroom.stripesim.system.Dates;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Gathers what the portal page shows for a session's customer.
 */
@Component
class PortalView {

	private final ObjectStore store;

	private final Customers customers;

	private final Catalog catalog;

	PortalView(ObjectStore store, Customers customers, Catalog catalog) {
		this.store = store;
		this.customers = customers;
		this.catalog = catalog;
	}

	void fill(StoredObject session, Model model) {
		String customerId = Docs.text(session.doc(), "customer");
		StoredObject customer = this.customers.require(customerId);
		model.addAttribute("portalSession", session.doc());
		model.addAttribute("email", Docs.text(customer.doc(), "email"));
		model.addAttribute("card",
				this.customers.defaultCard(customer).map((card) -> card.doc().get("card")).orElse(null));
		model.addAttribute("subscriptions",
				this.store
					.list(ListQuery.of("subscription", 20).withCustomer(customerId).withStatuses(null, "canceled"))
					.data()
					.stream()
					.map(this::subscription)
					.toList());
		model.addAttribute("invoices",
				this.store.list(ListQuery.of("invoice", 24).withCustomer(customerId))
					.data()
					.stream()
					.map(PortalView::invoice)
					.toList());
		model.addAttribute("offers",
				this.catalog.offers()
					.stream()
					.filter((offer) -> offer.plan().selfServe())
					.map(PortalView::offer)
					.toList());
	}

	private SubscriptionView subscription(StoredObject subscription) {
		ObjectNode doc = subscription.doc();
		String price = doc.at("/items/data/0/price/id").stringValue(null);
		PricedPlan offer = this.catalog.offer(price).orElse(null);
		Long trialEnd = Docs.number(doc, "trial_end");
		return new SubscriptionView(subscription.id(), (offer != null) ? Catalog.nickname(offer) : price,
				(offer != null) ? Money.format(offer.price().amount(), offer.price().currency()) + " / "
						+ offer.price().interval().stripeValue() : "",
				price, Docs.text(doc, "status"),
				Docs.flag(doc, "cancel_at_period_end") || Docs.number(doc, "cancel_at") != null,
				Dates.day(Instant.ofEpochSecond(doc.at("/items/data/0/current_period_end").asLong(0))),
				(trialEnd != null) ? Dates.day(Instant.ofEpochSecond(trialEnd)) : null);
	}

	private static InvoiceView invoice(StoredObject invoice) {
		ObjectNode doc = invoice.doc();
		return new InvoiceView(Docs.text(doc, "number"),
				Dates.day(Instant.ofEpochSecond(Docs.number(doc, "created", 0))),
				Money.format(Docs.number(doc, "total", 0), Docs.text(doc, "currency")), Docs.text(doc, "status"));
	}

	private static OfferView offer(PricedPlan offer) {
		return new OfferView(offer.price().stripePriceId(), Catalog.nickname(offer),
				Money.format(offer.price().amount(), offer.price().currency()) + " / "
						+ offer.price().interval().stripeValue());
	}

	/**
	 * A subscription as the portal shows it.
	 */
	record SubscriptionView(String id, String plan, String price, String priceId, String status, boolean canceling,
			String periodEnd, String trialEnd) {

	}

	/**
	 * An invoice as the portal lists it.
	 */
	record InvoiceView(String number, String created, String total, String status) {

	}

	/**
	 * A plan the customer can switch to.
	 */
	record OfferView(String priceId, String name, String price) {

	}

}
