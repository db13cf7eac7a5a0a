package com.mindroom.admin.signin;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

/**
 * Where a sign-in attempt comes from.
 *
 * @param ip the client address (the gateway's {@code X-Forwarded-For} from a trusted
 * proxy, otherwise the peer)
 * @param userAgent the user agent
 */
record Client(String ip, String userAgent) {

	static Client of(HttpServletRequest request) {
		return new Client(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
	}

}
