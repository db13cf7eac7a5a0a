package com.mindroom.common.audit;

import java.util.Locale;
import java.util.UUID;

/**
 * Who acted.
 *
 * @param type the kind of actor
 * @param id the actor's account id, if any
 * @param email the actor's email, if any
 */
public record Actor(Type type, UUID id, String email) {

	public static Actor system() {
		return new Actor(Type.SYSTEM, null, null);
	}

	public static Actor anonymous() {
		return new Actor(Type.ANONYMOUS, null, null);
	}

	public static Actor operator(String name) {
		return new Actor(Type.OPERATOR, null, name);
	}

	public static Actor admin(UUID id, String email) {
		return new Actor(Type.ADMIN, id, email);
	}

	public static Actor customer(UUID id, String email) {
		return new Actor(Type.CUSTOMER, id, email);
	}

	/**
	 * How the actor is named in instance events and logs.
	 * @return a short label such as {@code admin:ops@example.com}
	 */
	public String label() {
		return this.type.dbValue() + ((this.email != null) ? ":" + this.email : "");
	}

	/**
	 * The kinds of actor, as stored in {@code audit_log.actor_type}.
	 */
	public enum Type {

		ADMIN, CUSTOMER, SYSTEM, OPERATOR, ANONYMOUS;

		public String dbValue() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
