package com.mindroom.admin.access;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who is signed in to the dashboard and how far: a customer (never let in), an admin who
 * has given the password only, or an admin with the second factor. Kept in the session,
 * so it is serializable; its name is the account id, which Spring Session indexes to end
 * an account's sessions.
 *
 * @param accountId the account
 * @param email the account's email
 * @param stage how far sign-in has come
 */
public record AdminPrincipal(UUID accountId, String email,
		Stage stage) implements AuthenticatedPrincipal, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	@Override
	public String getName() {
		return this.accountId.toString();
	}

	public AdminPrincipal at(Stage next) {
		return new AdminPrincipal(this.accountId, this.email, next);
	}

	public Authentication authentication() {
		return UsernamePasswordAuthenticationToken.authenticated(this, null,
				List.of(new SimpleGrantedAuthority(this.stage.authority())));
	}

	/**
	 * How far sign-in has come; each stage is one granted authority.
	 */
	public enum Stage {

		/** Signed in with a password but not an admin: refused everywhere. */
		CUSTOMER("CUSTOMER"),

		/** An admin who has given the password and still owes the second factor. */
		PASSWORD("ADMIN_PASSWORD"),

		/** An admin with both factors in this session. */
		ADMIN("ADMIN");

		private final String authority;

		Stage(String authority) {
			this.authority = authority;
		}

		public String authority() {
			return this.authority;
		}

	}

}
