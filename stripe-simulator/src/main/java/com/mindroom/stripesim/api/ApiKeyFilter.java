package com.mindroom.stripesim.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import com.stripe.Stripe;
import tools.jackson.databind.json.JsonMapper;

import com.mindroom.stripesim.events.RequestOrigin;
import com.mindroom.stripesim.store.Ids;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls as Stripe does: a test-mode secret key ({@code sk_test_...} or
 * a restricted {@code rk_test_...}) as a Bearer token (or Basic user name); without one
 * the answer is 401 in Stripe's error shape. Every API response carries a
 * {@code Request-Id} and the {@code Stripe-Version} it is shaped for.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ApiKeyFilter extends OncePerRequestFilter {

	static final String API_KEY = ApiKeyFilter.class.getName() + ".apiKey";

	private final JsonMapper json;

	ApiKeyFilter(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/v1/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String requestId = Ids.next("req");
		response.setHeader("Request-Id", requestId);
		response.setHeader("Stripe-Version", Stripe.API_VERSION);
		String key = apiKey(request.getHeader("Authorization"));
		if (key == null) {
			reject(response, "You did not provide an API key. You need to provide your API key in the Authorization "
					+ "header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').");
			return;
		}
		if (!key.startsWith("sk_test_") && !key.startsWith("rk_test_")) {
			reject(response, "Invalid API Key provided: " + masked(key)
					+ ". The Stripe simulator accepts test-mode secret keys (sk_test_...) only.");
			return;
		}
		request.setAttribute(API_KEY, key);
		RequestOrigin.set(requestId, request.getHeader("Idempotency-Key"));
		try {
			chain.doFilter(request, response);
		}
		finally {
			RequestOrigin.clear();
		}
	}

	private static String apiKey(String authorization) {
		if (authorization == null) {
			return null;
		}
		if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			String token = authorization.substring(7).trim();
			return token.isEmpty() ? null : token;
		}
		if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
						StandardCharsets.UTF_8);
				int colon = decoded.indexOf(':');
				String user = (colon >= 0) ? decoded.substring(0, colon) : decoded;
				return user.isEmpty() ? null : user;
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		return null;
	}

	private static String masked(String key) {
		if (key.length() < 12) {
			return "****";
		}
		int prefix = Math.min(key.lastIndexOf('_') + 1, 8);
		return key.substring(0, prefix) + "****" + key.substring(key.length() - 4);
	}

	private void reject(HttpServletResponse response, String message) throws IOException {
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setHeader("WWW-Authenticate", "Bearer realm=\"Stripe\"");
		response.getWriter()
			.write(this.json.writeValueAsString(StripeErrors.body("invalid_request_error", null, message, null)));
	}

}
