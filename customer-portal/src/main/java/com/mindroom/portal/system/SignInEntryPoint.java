package com.mindroom.portal.system;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Sends a visitor who is not signed in to the sign-in page, remembering the page they
 * asked for (only a path on the portal; the sign-in controller checks it again).
 */
class SignInEntryPoint implements AuthenticationEntryPoint {

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		String target = "/auth/login";
		if ("GET".equals(request.getMethod()) && request.getHeader("HX-Request") == null) {
			String path = request.getRequestURI()
					+ ((request.getQueryString() != null) ? "?" + request.getQueryString() : "");
			target += "?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8);
		}
		PageRedirects.send(request, response, target);
	}

}
