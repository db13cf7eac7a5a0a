package com.mindroom.stripesim.events;

/**
 * The API request being served on this thread, which the events it causes name in their
 * {@code request} field (events of the billing engine and the hosted pages name none).
 */
public final class RequestOrigin {

	private static final ThreadLocal<Origin> current = new ThreadLocal<>();

	private RequestOrigin() {
	}

	public static void set(String requestId, String idempotencyKey) {
		current.set(new Origin(requestId, idempotencyKey));
	}

	public static void clear() {
		current.remove();
	}

	static Origin current() {
		Origin origin = current.get();
		return (origin != null) ? origin : new Origin(null, null);
	}

	record Origin(String requestId, String idempotencyKey) {

	}

}
