package com.mindroom.admin.web;

import com.mindroom.common.web.Problems;

/**
 * The reason an admin gives for an action, which the audit log keeps.
 */
public final class Reasons {

	private Reasons() {
	}

	/**
	 * Returns the trimmed reason, or refuses a missing or overlong one.
	 * @param reason what the admin typed
	 * @return the reason
	 */
	public static String require(String reason) {
		String trimmed = (reason != null) ? reason.trim() : "";
		if (trimmed.isEmpty()) {
			throw Problems.badRequest("Say why (the reason is kept in the audit log).");
		}
		if (trimmed.length() > 500) {
			throw Problems.badRequest("Keep the reason under 500 characters.");
		}
		return trimmed;
	}

}
