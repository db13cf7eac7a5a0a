package com.mindroom.portal.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Redirects a page request, also when it came from htmx (which follows
 * {@code HX-Redirect} with a full page load instead of swapping a login form into a
 * fragment).
 */
final class PageRedirects {

	private PageRedirects() {
	}

	static void send(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
		if (request.getHeader("HX-Request") != null) {
			response.setHeader("HX-Redirect", path);
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		response.sendRedirect(path);
	}

}
