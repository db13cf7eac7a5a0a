package com.mindroom.common.instance;

/**
 * Thrown when an instance action is not allowed now; the message says why, for the person
 * who asked.
 */
public class InstanceActionRefusedException extends RuntimeException {

	private final Reason reason;

	public InstanceActionRefusedException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

	/**
	 * Why an action was refused.
	 */
	public enum Reason {

		/** The subscription does not entitle the instance to run (answer 402). */
		NOT_ENTITLED,

		/** The instance is not in a state the action applies to (answer 409). */
		WRONG_STATE,

		/** There is no such instance (answer 404). */
		NOT_FOUND,

		/**
		 * What was asked for is not valid, for example a confirmation that does not match
		 * (answer 400).
		 */
		INVALID_INPUT

	}

}
