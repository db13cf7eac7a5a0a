package com.mindroom.common.plan;

/**
 * Thrown when a plan id is not in the catalog.
 */
public class UnknownPlanException extends IllegalArgumentException {

	public UnknownPlanException(String message) {
		super(message);
	}

}
