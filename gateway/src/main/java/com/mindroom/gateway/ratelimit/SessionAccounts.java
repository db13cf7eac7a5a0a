package com.mindroom.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Finds who a browser session belongs to: the principal Spring Session records for a
 * signed-in session (the portal's and the admin dashboard's sessions live in PostgreSQL).
 * Answers are cached briefly; a session without a principal, an unknown one, or a
 * database that does not answer all mean "not signed in".
 */
class SessionAccounts {

	private static final Logger logger = LoggerFactory.getLogger(SessionAccounts.class);

	private static final Pattern SESSION_ID = Pattern.compile("[0-9a-fA-F-]{36}");

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Cache<String, Optional<String>> principals;

	SessionAccounts(JdbcClient jdbc, Clock clock, Duration ttl) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.principals = Caffeine.newBuilder()
			.maximumSize(100_000)
			.expireAfterWrite(ttl)
			.executor(Runnable::run)
			.build();
	}

	/**
	 * The principal of a session.
	 * @param table the Spring Session table the cookie's service uses (checked by
	 * {@link RateLimitProperties.SessionCookie})
	 * @param cookieValue the session cookie's value
	 * @return the principal, or empty when not signed in
	 */
	Mono<String> principal(String table, String cookieValue) {
		String sessionId = sessionId(cookieValue);
		if (sessionId == null) {
			return Mono.empty();
		}
		String key = table + "/" + sessionId;
		Optional<String> known = this.principals.getIfPresent(key);
		if (known != null) {
			return Mono.justOrEmpty(known);
		}
		return Mono.fromCallable(() -> lookup(table, sessionId))
			.subscribeOn(Schedulers.boundedElastic())
			.doOnNext((principal) -> this.principals.put(key, principal))
			.onErrorResume(DataAccessException.class, (ex) -> {
				logger.warn("Could not look up a session, limiting it as anonymous: {}", ex.getMessage());
				return Mono.empty();
			})
			.flatMap(Mono::justOrEmpty);
	}

	private Optional<String> lookup(String table, String sessionId) {
		return this.jdbc.sql("select principal_name from " + table + " where session_id = :id and expiry_time > :now")
			.param("id", sessionId)
			.param("now", this.clock.millis())
			.query(String.class)
			.optional();
	}

	// Spring Session's cookie holds the id Base64-encoded by default
	private static String sessionId(String cookieValue) {
		if (SESSION_ID.matcher(cookieValue).matches()) {
			return cookieValue;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(cookieValue), StandardCharsets.UTF_8);
			return SESSION_ID.matcher(decoded).matches() ? decoded : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
