package com.mindroom.admin.web;

/**
 * Turns search text into a {@code LIKE} pattern that matches it literally anywhere.
 */
public final class SqlPatterns {

	private SqlPatterns() {
	}

	/**
	 * A contains-pattern for {@code ILIKE ... ESCAPE '\'}.
	 * @param text what was typed (trimmed; at most 200 characters are used)
	 * @return the pattern, or {@code null} for blank text
	 */
	public static String contains(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String trimmed = text.trim();
		String limited = (trimmed.length() > 200) ? trimmed.substring(0, 200) : trimmed;
		return "%" + limited.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

}
