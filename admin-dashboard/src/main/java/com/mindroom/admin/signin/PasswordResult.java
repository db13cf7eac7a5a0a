package com.mindroom.admin.signin;

import com.mindroom.admin.access.AdminPrincipal;

/**
 * What the password step of sign-in led to: a refusal with a message for the person, or a
 * principal (a customer, or an admin who owes the second factor) and whether that admin
 * has enrolled one yet.
 *
 * @param principal who signed in, or {@code null} when refused
 * @param enrolled whether the admin has a second factor
 * @param error why sign-in was refused, or {@code null}
 */
record PasswordResult(AdminPrincipal principal, boolean enrolled, String error) {

	static PasswordResult refused(String error) {
		return new PasswordResult(null, false, error);
	}

}
