package com.mindroom.gateway.ratelimit;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Tells which account a request is signed in as: the subject of a valid bearer token
 * (verified with the platform's JWT decoder), or the principal of a signed-in session.
 * Anything else, an invalid token included, is anonymous.
 */
class SignedInAccounts {

	private static final String BEARER = "Bearer ";

	private final ReactiveJwtDecoder jwtDecoder;

	private final SessionAccounts sessions;

	private final List<RateLimitProperties.SessionCookie> sessionCookies;

	SignedInAccounts(ReactiveJwtDecoder jwtDecoder, SessionAccounts sessions,
			List<RateLimitProperties.SessionCookie> sessionCookies) {
		this.jwtDecoder = jwtDecoder;
		this.sessions = sessions;
		this.sessionCookies = sessionCookies;
	}

	Mono<String> accountOf(ServerHttpRequest request) {
		String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			String token = authorization.substring(BEARER.length()).trim();
			return Mono.defer(() -> this.jwtDecoder.decode(token))
				.mapNotNull(Jwt::getSubject)
				.onErrorResume(JwtException.class, (ex) -> Mono.empty());
		}
		for (RateLimitProperties.SessionCookie session : this.sessionCookies) {
			HttpCookie cookie = request.getCookies().getFirst(session.name());
			if (cookie != null && this.sessions != null) {
				return this.sessions.principal(session.table(), cookie.getValue());
			}
		}
		return Mono.empty();
	}

}
