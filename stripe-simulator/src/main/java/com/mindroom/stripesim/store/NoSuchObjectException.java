package com.mindroom.stripesim.store;

/**
 * Thrown when an object that a request names does not exist.
 */
public class NoSuchObjectException extends RuntimeException {

	private final String type;

	private final String id;

	public NoSuchObjectException(String type, String id) {
		super("No such " + type + ": '" + id + "'");
		this.type = type;
		this.id = id;
	}

	public String type() {
		return this.type;
	}

	public String id() {
		return this.id;
	}

}
