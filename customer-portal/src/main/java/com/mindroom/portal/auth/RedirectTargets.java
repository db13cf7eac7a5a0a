package com.mindroom.portal.auth;

import java.util.regex.Pattern;

/**
 * Where a page may send the visitor after signing in: only a path of the signed-in portal
 * on our own origin, never another host ({@code //evil.example}, {@code /\evil}) or a
 * scheme.
 */
final class RedirectTargets {

	private static final Pattern SAFE = Pattern.compile("^/app(?:[/?][A-Za-z0-9\\-._~/?=&%+]*)?$");

	private static final String HOME = "/app";

	private RedirectTargets() {
	}

	static String safe(String next) {
		if (next == null || next.length() > 500 || next.contains("//") || next.contains("/.")
				|| !SAFE.matcher(next).matches()) {
			return HOME;
		}
		return next;
	}

}
