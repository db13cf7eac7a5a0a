package com.mindroom.admin.totp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import com.mindroom.common.security.SecretBox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * An admin's second factor in the database: the TOTP secret sealed with the platform key
 * ({@code accounts.admin_totp_secret_enc}), the newest accepted time step (a code is
 * never accepted twice), and single-use recovery codes kept only as SHA-256 hashes.
 */
public class SecondFactor {

	static final int RECOVERY_CODES = 10;

	private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private final JdbcClient jdbc;

	private final SecretBox box;

	private final Totp totp;

	private final SecureRandom random = new SecureRandom();

	public SecondFactor(JdbcClient jdbc, SecretBox box, Totp totp) {
		this.jdbc = jdbc;
		this.box = box;
		this.totp = totp;
	}

	public boolean enrolled(UUID accountId) {
		return this.jdbc.sql("select admin_totp_enrolled_at is not null from accounts where id = ?")
			.param(accountId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/**
	 * Stores a confirmed secret and issues fresh recovery codes (older ones stop
	 * working).
	 * @param accountId the admin
	 * @param secret the secret the admin's app now holds
	 * @param confirmedStep the step of the code that confirmed it (not accepted again)
	 * @return the recovery codes, to be shown once
	 */
	@Transactional
	public List<String> enrol(UUID accountId, byte[] secret, long confirmedStep) {
		this.jdbc.sql("""
				update accounts set admin_totp_secret_enc = ?, admin_totp_enrolled_at = now(), admin_totp_last_step = ?
				where id = ?
				""").params(this.box.seal(secret), confirmedStep, accountId).update();
		this.jdbc.sql("delete from admin_recovery_codes where account_id = ?").param(accountId).update();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			String code = newRecoveryCode();
			this.jdbc.sql("insert into admin_recovery_codes (account_id, code_hash) values (?, ?)")
				.params(accountId, hash(code))
				.update();
			codes.add(code);
		}
		return codes;
	}

	/**
	 * Checks a TOTP code and uses it up: a code of a step at or before the last accepted
	 * one is refused.
	 * @param accountId the admin
	 * @param code the code as typed
	 * @return whether the code was right and fresh
	 */
	public boolean verify(UUID accountId, String code) {
		Optional<byte[]> secret = secret(accountId);
		if (secret.isEmpty()) {
			return false;
		}
		OptionalLong step = this.totp.match(secret.get(), code);
		return step.isPresent() && this.jdbc.sql("""
				update accounts set admin_totp_last_step = ?
				where id = ? and (admin_totp_last_step is null or admin_totp_last_step < ?)
				""").params(step.getAsLong(), accountId, step.getAsLong()).update() == 1;
	}

	/**
	 * Uses up a recovery code.
	 * @param accountId the admin
	 * @param code the code as typed
	 * @return whether it was one of the admin's unused codes
	 */
	public boolean useRecoveryCode(UUID accountId, String code) {
		String normalized = (code != null) ? code.trim().toLowerCase(Locale.ROOT) : "";
		if (normalized.isEmpty() || normalized.length() > 40) {
			return false;
		}
		return this.jdbc.sql("""
				update admin_recovery_codes set used_at = now()
				where account_id = ? and code_hash = ? and used_at is null
				""").params(accountId, hash(normalized)).update() == 1;
	}

	public int unusedRecoveryCodes(UUID accountId) {
		return this.jdbc.sql("select count(*) from admin_recovery_codes where account_id = ? and used_at is null")
			.param(accountId)
			.query(Integer.class)
			.single();
	}

	/**
	 * Forgets the second factor (when admin rights are revoked or an operator resets it).
	 * @param accountId the account
	 */
	@Transactional
	public void reset(UUID accountId) {
		this.jdbc.sql("""
				update accounts set admin_totp_secret_enc = null, admin_totp_enrolled_at = null,
				    admin_totp_last_step = null
				where id = ?
				""").param(accountId).update();
		this.jdbc.sql("delete from admin_recovery_codes where account_id = ?").param(accountId).update();
	}

	private Optional<byte[]> secret(UUID accountId) {
		return this.jdbc
			.sql("select admin_totp_secret_enc from accounts where id = ? and admin_totp_secret_enc is not null")
			.param(accountId)
			.query(byte[].class)
			.optional()
			.map(this.box::open);
	}

	private String newRecoveryCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	static String hash(String code) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
