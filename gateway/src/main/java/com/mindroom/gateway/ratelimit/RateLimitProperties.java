package com.mindroom.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's rate limits ({@code mindroom.gateway.rate-limits}).
 *
 * @param redisUrl the Redis that holds the buckets, shared by every gateway replica;
 * empty for buckets in this process's memory
 * @param anonymous per client address, for callers that are not signed in
 * @param account per account, for callers with a valid bearer token or session
 * @param signIn per client address, for the sign-in, sign-up and password reset paths
 * @param webhook per route, for routes whose metadata says {@code rate-limit: webhook}
 * (Stripe sends from many addresses, so it is never limited per address)
 * @param signInPaths {@code METHOD /path-pattern} entries the sign-in policy covers
 * @param sessionCookies cookies holding a Spring Session id whose principal counts as the
 * account, each with the table its service keeps sessions in (the portal's and the admin
 * dashboard's)
 * @param sessionCacheTtl how long a session's account is remembered
 */
@ConfigurationProperties("mindroom.gateway.rate-limits")
public record RateLimitProperties(String redisUrl, RateLimitPolicy anonymous, RateLimitPolicy account,
		RateLimitPolicy signIn, RateLimitPolicy webhook, List<String> signInPaths, List<SessionCookie> sessionCookies,
		@DefaultValue("30s") Duration sessionCacheTtl) {

	private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*");

	public RateLimitProperties {
		sessionCookies = (sessionCookies != null) ? List.copyOf(sessionCookies) : List.of();
	}

	boolean usesRedis() {
		return this.redisUrl != null && !this.redisUrl.isBlank();
	}

	/**
	 * A session cookie and where its sessions live.
	 *
	 * @param name the cookie's name
	 * @param table the Spring Session JDBC table (a plain lower-case name)
	 */
	public record SessionCookie(String name, String table) {

		public SessionCookie {
			if (name == null || name.isBlank() || table == null || !TABLE.matcher(table).matches()) {
				throw new IllegalArgumentException(
						"A session cookie needs a name and a plain table name, not '" + name + "' in '" + table + "'");
			}
		}

	}

}
