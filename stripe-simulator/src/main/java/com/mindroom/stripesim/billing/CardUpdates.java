package com.mindroom.stripesim.billing;

import java.util.List;

import com.mindroom.stripesim.store.ListQuery;
import com.mindroom.stripesim.store.ObjectStore;
import com.mindroom.stripesim.store.StoredObject;

import org.springframework.stereotype.Component;

/**
 * A customer replaces their card: the new card becomes the default and, when asked (as
 * the hosted portal does for a past-due customer), the open invoices of their past-due
 * subscriptions are tried again at once.
 */
@Component
public class CardUpdates {

	private final ObjectStore store;

	private final Customers customers;

	private final Subscriptions subscriptions;

	CardUpdates(ObjectStore store, Customers customers, Subscriptions subscriptions) {
		this.store = store;
		this.customers = customers;
		this.subscriptions = subscriptions;
	}

	/**
	 * Replaces the customer's card; call it inside a store write.
	 * @param customerId the customer
	 * @param card the new card
	 * @param at the simulated time
	 * @param retryOpenInvoices whether to collect past-due invoices with the new card now
	 * @return how many past-due subscriptions are active again
	 */
	public int replace(String customerId, Cards.Card card, long at, boolean retryOpenInvoices) {
		StoredObject customer = this.customers.require(customerId);
		this.customers.attachCard(customer, card, at);
		if (!retryOpenInvoices) {
			return 0;
		}
		int recovered = 0;
		ListQuery pastDue = ListQuery.of("subscription", 100)
			.withCustomer(customerId)
			.withStatuses(List.of("past_due"), null);
		for (StoredObject subscription : this.store.list(pastDue).data()) {
			if (this.subscriptions.openInvoice(subscription).isPresent()) {
				StoredObject after = this.subscriptions.retryPayment(subscription, at);
				recovered += "active".equals(after.doc().get("status").stringValue()) ? 1 : 0;
			}
		}
		return recovered;
	}

}
