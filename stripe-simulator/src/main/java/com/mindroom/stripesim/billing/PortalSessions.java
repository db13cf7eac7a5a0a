package com.mindroom.stripesim.billing;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import com.mindroom.stripesim.store.Ids;
import com.mindroom.stripesim.store.ObjectStore;
import com.mindroom.stripesim.store.StoredObject;

import org.springframework.stereotype.Component;

/**
 * Customer-portal sessions: a URL where a customer manages their subscription, card and
 * invoices on the hosted portal page.
 */
@Component
public class PortalSessions {

	private final ObjectStore store;

	private final Customers customers;

	PortalSessions(ObjectStore store, Customers customers) {
		this.store = store;
		this.customers = customers;
	}

	/**
	 * Creates a session.
	 * @param customer the customer
	 * @param returnUrl where the portal's return link goes, or {@code null}
	 * @param pagesUrl the base URL of the hosted pages
	 * @param at the simulated time
	 * @return the session
	 */
	public StoredObject create(String customer, String returnUrl, String pagesUrl, long at) {
		this.customers.require(customer);
		String id = Ids.secret("bps", 32);
		ObjectNode doc = JsonNodeFactory.instance.objectNode();
		doc.put("id", id);
		doc.put("object", "billing_portal.session");
		doc.put("configuration", "bpc_simulator");
		doc.put("created", at);
		doc.put("customer", customer);
		doc.putNull("customer_account");
		doc.putNull("flow");
		doc.put("livemode", false);
		doc.putNull("locale");
		doc.putNull("on_behalf_of");
		doc.put("return_url", returnUrl);
		doc.put("url", pagesUrl + "/p/session/" + id);
		StoredObject session = new StoredObject(id, "billing_portal.session", doc,
				JsonNodeFactory.instance.objectNode());
		this.store.save(session);
		return session;
	}

	public StoredObject require(String id) {
		return this.store.require("billing_portal.session", id);
	}

}
