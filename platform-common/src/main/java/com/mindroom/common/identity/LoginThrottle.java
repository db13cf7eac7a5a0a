package com.mindroom.common.identity;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sign-in throttling and lockout kept in the database ({@code login_throttle}), so it
 * holds across replicas: failures are counted per email and per client address within a
 * window; over the limit, the key is locked for a while. Keys are hashes, so the table
 * holds no email or address.
 */
public class LoginThrottle {

	private final JdbcClient jdbc;

	private final IdentityProperties.Throttle settings;

	public LoginThrottle(JdbcClient jdbc, IdentityProperties.Throttle settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/**
	 * How long sign-in stays refused for this email or address, if it is locked.
	 * @param email the email being signed in
	 * @param address the client address
	 * @return the remaining lockout, if locked
	 */
	public Optional<Duration> lockedFor(String email, String address) {
		return this.jdbc.sql("""
				select ceil(extract(epoch from max(locked_until) - now()))::bigint from login_throttle
				where throttle_key in (?, ?) and locked_until > now()
				""").params(emailKey(email), addressKey(address)).query(Long.class).optional().map(Duration::ofSeconds);
	}

	public void failure(String email, String address) {
		count(emailKey(email), this.settings.perEmail());
		count(addressKey(address), this.settings.perAddress());
	}

	/**
	 * Forgets an email's failures after a successful sign-in (the address keeps its
	 * count).
	 * @param email the email
	 */
	public void success(String email) {
		this.jdbc.sql("delete from login_throttle where throttle_key = ?").param(emailKey(email)).update();
	}

	private void count(String key, int limit) {
		this.jdbc.sql("""
				insert into login_throttle as t (throttle_key, failures, window_started_at, locked_until)
				values (:key, 1, now(), case when 1 >= :limit then now() + make_interval(secs => :lockout) end)
				on conflict (throttle_key) do update set
				    failures = case when t.window_started_at < now() - make_interval(secs => :window) then 1
				        else t.failures + 1 end,
				    window_started_at = case when t.window_started_at < now() - make_interval(secs => :window)
				        then now() else t.window_started_at end,
				    locked_until = case when (case when t.window_started_at < now() - make_interval(secs => :window)
				        then 1 else t.failures + 1 end) >= :limit
				        then now() + make_interval(secs => :lockout) else t.locked_until end,
				    updated_at = now()
				""")
			.param("key", key)
			.param("limit", limit)
			.param("window", this.settings.window().toSeconds())
			.param("lockout", this.settings.lockout().toSeconds())
			.update();
	}

	private static String emailKey(String email) {
		return "email:" + OneTimeTokens.hash((email != null) ? email.trim().toLowerCase(Locale.ROOT) : "");
	}

	private static String addressKey(String address) {
		return "addr:" + OneTimeTokens.hash((address != null) ? address : "");
	}

}
