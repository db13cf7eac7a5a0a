package com.mindroom.common.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Single-use tokens sent by email or handed to clients (password reset, email
 * confirmation, admin enrolment, refresh). Only a SHA-256 hash is stored, so a database
 * leak reveals no usable token.
 */
public class OneTimeTokens {

	private final JdbcClient jdbc;

	// long enough for a token carrying an email address
	static final int MAX_LENGTH = 600;

	private static final char BOUND = '.';

	private final SecureRandom random = new SecureRandom();

	public OneTimeTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Issues a token.
	 * @param accountId the account it is for
	 * @param purpose {@code password_reset}, {@code email_verification},
	 * {@code admin_enrolment} or {@code refresh}
	 * @param ttl how long it is valid
	 * @return the token (shown once, never stored)
	 */
	public String issue(UUID accountId, String purpose, Duration ttl) {
		return store(randomPart(), accountId, purpose, ttl);
	}

	/**
	 * Issues a token bound to a value (the new address of an email change): the value
	 * travels inside the token, and since the stored hash covers it, a changed value
	 * makes the token unknown.
	 * @param accountId the account it is for
	 * @param purpose what it is for
	 * @param ttl how long it is valid
	 * @param value the value it carries
	 * @return the token (shown once, never stored)
	 */
	public String issue(UUID accountId, String purpose, Duration ttl, String value) {
		String carried = Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
		return store(randomPart() + BOUND + carried, accountId, purpose, ttl);
	}

	/**
	 * The value a token carries.
	 * @param token the token
	 * @return the value from {@link #issue(UUID, String, Duration, String)}, if the token
	 * carries one
	 */
	public static Optional<String> carried(String token) {
		int at = (token != null) ? token.indexOf(BOUND) : -1;
		if (at < 0) {
			return Optional.empty();
		}
		try {
			return Optional
				.of(new String(Base64.getUrlDecoder().decode(token.substring(at + 1)), StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private String randomPart() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private String store(String token, UUID accountId, String purpose, Duration ttl) {
		this.jdbc.sql("""
				insert into account_tokens (token_hash, account_id, purpose, expires_at)
				values (?, ?, ?, now() + make_interval(secs => ?))
				""").params(hash(token), accountId, purpose, ttl.toSeconds()).update();
		return token;
	}

	/**
	 * Uses a token up.
	 * @param token the token
	 * @param purpose what it must be for
	 * @return the account it was for, if it was valid, unused and unexpired
	 */
	public Optional<UUID> consume(String token, String purpose) {
		if (token == null || token.isBlank() || token.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				update account_tokens set used_at = now()
				where token_hash = ? and purpose = ? and used_at is null and expires_at > now()
				returning account_id
				""").params(hash(token), purpose).query(UUID.class).optional();
	}

	/**
	 * Revokes every unused token of a purpose for an account (all refresh tokens after a
	 * password change).
	 * @param accountId the account
	 * @param purpose the purpose
	 */
	public void revokeAll(UUID accountId, String purpose) {
		this.jdbc
			.sql("update account_tokens set used_at = now() where account_id = ? and purpose = ? and used_at is null")
			.params(accountId, purpose)
			.update();
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
