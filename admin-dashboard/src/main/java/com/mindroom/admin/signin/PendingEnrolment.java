package com.mindroom.admin.signin;

import java.io.Serial;
import java.io.Serializable;
import java.util.UUID;

/**
 * A second-factor enrolment in progress, kept in the session between showing the QR code
 * and the first code: the secret is sealed with the platform key even there.
 *
 * @param accountId the admin enrolling
 * @param email the admin's email
 * @param sealedSecret the new secret, sealed
 */
record PendingEnrolment(UUID accountId, String email, byte[] sealedSecret) implements Serializable {

	static final String ATTRIBUTE = PendingEnrolment.class.getName();

	@Serial
	private static final long serialVersionUID = 1L;

}
