package com.mindroom.stripesim.api;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.node.ObjectNode;

import com.mindroom.stripesim.billing.InvalidRequestException;
import com.mindroom.stripesim.billing.SubscriptionChanges;
import com.mindroom.stripesim.billing.SubscriptionUpdate;
import com.mindroom.stripesim.billing.Subscriptions;
import com.mindroom.stripesim.store.ListQuery;
import com.mindroom.stripesim.store.StoredObject;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/subscriptions}: list, retrieve, update (price, cancellation, metadata) and
 * cancel.
 */
@RestController
@RequestMapping("/v1/subscriptions")
class SubscriptionsController {

	private static final Set<String> STATUSES = Set.of("active", "past_due", "unpaid", "canceled", "incomplete",
			"incomplete_expired", "trialing", "paused");

	private final ApiSupport api;

	private final Subscriptions subscriptions;

	private final SubscriptionChanges changes;

	SubscriptionsController(ApiSupport api, Subscriptions subscriptions, SubscriptionChanges changes) {
		this.api = api;
		this.subscriptions = subscriptions;
		this.changes = changes;
	}

	@GetMapping
	ObjectNode list(HttpServletRequest request) {
		FormParams params = this.api.params(request);
		ListQuery query = this.api.listQuery("subscription", params).withCustomer(params.text("customer"));
		String status = params.text("status");
		if (status == null) {
			query = query.withStatuses(null, "canceled");
		}
		else if ("ended".equals(status)) {
			query = query.withStatuses(List.of("canceled", "incomplete_expired"), null);
		}
		else if (STATUSES.contains(status)) {
			query = query.withStatuses(List.of(status), null);
		}
		else if (!"all".equals(status)) {
			throw new InvalidRequestException("Invalid status: must be one of all, ended or " + STATUSES, "status");
		}
		ListQuery.Page page = this.api.store().list(query);
		String price = params.text("price");
		List<ObjectNode> data = page.data()
			.stream()
			.map(StoredObject::doc)
			.filter((doc) -> price == null || price.equals(doc.at("/items/data/0/price/id").stringValue(null)))
			.toList();
		return this.api.list("/v1/subscriptions", data, page.hasMore(), params);
	}

	@GetMapping("/{id}")
	ObjectNode retrieve(@PathVariable String id, HttpServletRequest request) {
		return this.api.expand(this.subscriptions.require(id).doc(), this.api.params(request));
	}

	@PostMapping("/{id}")
	ObjectNode update(@PathVariable String id, HttpServletRequest request) {
		FormParams params = this.api.params(request);
		SubscriptionUpdate update = update(params);
		StoredObject subscription = this.api.store().write(() -> this.changes.update(id, update, this.api.now()));
		return this.api.expand(subscription.doc(), params);
	}

	@DeleteMapping("/{id}")
	ObjectNode cancel(@PathVariable String id, HttpServletRequest request) {
		StoredObject subscription = this.api.store()
			.write(() -> this.subscriptions.cancelNow(this.subscriptions.require(id), "cancellation_requested",
					this.api.now()));
		return this.api.expand(subscription.doc(), this.api.params(request));
	}

	private static SubscriptionUpdate update(FormParams params) {
		List<Object> items = params.entries("items");
		if (items.size() > 1) {
			throw new InvalidRequestException("The simulator's subscriptions have a single item.", "items");
		}
		String cancelAt = params.string("cancel_at");
		Long cancelAtTime = (cancelAt == null || cancelAt.isEmpty()) ? null : params.integer("cancel_at");
		return new SubscriptionUpdate(params.text("items", "0", "id"), params.text("items", "0", "price"),
				params.text("proration_behavior"), params.bool("cancel_at_period_end"), cancelAtTime,
				"".equals(cancelAt), params.stringMap("metadata"));
	}

}
