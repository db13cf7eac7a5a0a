package com.mindroom.stripe.inbox;

/**
 * A verified delivery whose body the database does not accept as JSON (stripe-java's
 * parser is more lenient than PostgreSQL's {@code jsonb}); nothing is stored.
 */
public class MalformedEventException extends RuntimeException {

	MalformedEventException(Throwable cause) {
		super("The payload is not valid JSON", cause);
	}

}
