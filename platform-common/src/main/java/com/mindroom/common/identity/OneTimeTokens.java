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
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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
		if (token == null || token.isBlank() || token.length() > 200) {
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
