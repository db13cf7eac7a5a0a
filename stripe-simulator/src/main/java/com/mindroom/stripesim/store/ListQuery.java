package com.mindroom.stripesim.store;

import java.util.List;

/**
 * What to list: a type, optional filters and Stripe's cursor pagination (newest first).
 *
 * @param type the object type
 * @param customer only objects of this customer
 * @param subscription only objects of this subscription
 * @param statuses only objects whose {@code status} is one of these (empty: any)
 * @param excludedStatus objects with this status are left out (Stripe's default for
 * subscriptions leaves out {@code canceled})
 * @param email only objects with this {@code email}
 * @param eventTypes only events of these types (a trailing {@code .*} matches a prefix)
 * @param created the range of {@code created} to keep
 * @param startingAfter the id after which the page starts
 * @param endingBefore the id before which the page ends
 * @param limit the page size
 */
public record ListQuery(String type, String customer, String subscription, List<String> statuses, String excludedStatus,
		String email, List<String> eventTypes, Range created, String startingAfter, String endingBefore, int limit) {

	public ListQuery {
		statuses = (statuses != null) ? List.copyOf(statuses) : List.of();
		eventTypes = (eventTypes != null) ? List.copyOf(eventTypes) : List.of();
		created = (created != null) ? created : Range.ANY;
	}

	public static ListQuery of(String type, int limit) {
		return new ListQuery(type, null, null, null, null, null, null, null, null, null, limit);
	}

	public ListQuery withCustomer(String value) {
		return new ListQuery(this.type, value, this.subscription, this.statuses, this.excludedStatus, this.email,
				this.eventTypes, this.created, this.startingAfter, this.endingBefore, this.limit);
	}

	public ListQuery withSubscription(String value) {
		return new ListQuery(this.type, this.customer, value, this.statuses, this.excludedStatus, this.email,
				this.eventTypes, this.created, this.startingAfter, this.endingBefore, this.limit);
	}

	public ListQuery withStatuses(List<String> values, String excluded) {
		return new ListQuery(this.type, this.customer, this.subscription, values, excluded, this.email, this.eventTypes,
				this.created, this.startingAfter, this.endingBefore, this.limit);
	}

	public ListQuery withEmail(String value) {
		return new ListQuery(this.type, this.customer, this.subscription, this.statuses, this.excludedStatus, value,
				this.eventTypes, this.created, this.startingAfter, this.endingBefore, this.limit);
	}

	public ListQuery withEvents(List<String> types, Range range) {
		return new ListQuery(this.type, this.customer, this.subscription, this.statuses, this.excludedStatus,
				this.email, types, range, this.startingAfter, this.endingBefore, this.limit);
	}

	public ListQuery withCursor(String after, String before) {
		return new ListQuery(this.type, this.customer, this.subscription, this.statuses, this.excludedStatus,
				this.email, this.eventTypes, this.created, after, before, this.limit);
	}

	/**
	 * A range of epoch seconds; {@code null} bounds are open.
	 *
	 * @param gt greater than
	 * @param gte greater than or equal
	 * @param lt less than
	 * @param lte less than or equal
	 */
	public record Range(Long gt, Long gte, Long lt, Long lte) {

		public static final Range ANY = new Range(null, null, null, null);

	}

	/**
	 * One page of a list.
	 *
	 * @param data the objects, newest first
	 * @param hasMore whether more objects follow in the direction of the cursor
	 */
	public record Page(List<StoredObject> data, boolean hasMore) {

	}

}
