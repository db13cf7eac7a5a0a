package com.mindroom.stripesim.billing;

/**
 * A request the simulator refuses, as Stripe answers with an
 * {@code invalid_request_error}: it names the parameter at fault and changes nothing.
 */
public class InvalidRequestException extends RuntimeException {

	private final String param;

	public InvalidRequestException(String message, String param) {
		super(message);
		this.param = param;
	}

	public String param() {
		return this.param;
	}

}
