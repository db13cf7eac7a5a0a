package com.mindroom.admin.totp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;

/**
 * RFC 6238 time-based one-time passwords as authenticator apps make them (HMAC-SHA1, six
 * digits, 30-second steps), computed by java-otp. A code is accepted for the current step
 * and one step either side, to allow for clock drift. Time is real time, never the
 * simulated platform clock: the admin's phone does not know about it.
 */
public class Totp {

	static final Duration STEP = Duration.ofSeconds(30);

	private static final int SECRET_BYTES = 20;

	private final TimeBasedOneTimePasswordGenerator generator;

	private final Pattern codeFormat;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	public Totp(Clock clock) {
		this(clock, 6, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
	}

	Totp(Clock clock, int digits, String algorithm) {
		this.generator = new TimeBasedOneTimePasswordGenerator(STEP, digits, algorithm);
		this.codeFormat = Pattern.compile("\\d{" + digits + "}");
		this.clock = clock;
	}

	public long currentStep() {
		return this.clock.instant().getEpochSecond() / STEP.toSeconds();
	}

	/**
	 * The code of a time step.
	 * @param secret the shared secret
	 * @param step the time step (seconds since the epoch divided by 30)
	 * @return the code, zero-padded
	 */
	public String code(byte[] secret, long step) {
		try {
			return this.generator.generateOneTimePasswordString(key(secret),
					Instant.ofEpochSecond(step * STEP.toSeconds()));
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException("Unusable TOTP secret", ex);
		}
	}

	/**
	 * Finds the time step, within one step of now, whose code this is.
	 * @param secret the shared secret
	 * @param typed the code as typed (spaces are ignored)
	 * @return the matching step, or empty when the code is wrong or malformed
	 */
	public OptionalLong match(byte[] secret, String typed) {
		String code = (typed != null) ? typed.replace(" ", "").trim() : "";
		if (!this.codeFormat.matcher(code).matches()) {
			return OptionalLong.empty();
		}
		long now = currentStep();
		OptionalLong found = OptionalLong.empty();
		for (long step = now - 1; step <= now + 1; step++) {
			boolean same = MessageDigest.isEqual(code(secret, step).getBytes(StandardCharsets.US_ASCII),
					code.getBytes(StandardCharsets.US_ASCII));
			if (same && found.isEmpty()) {
				found = OptionalLong.of(step);
			}
		}
		return found;
	}

	public byte[] newSecret() {
		byte[] secret = new byte[SECRET_BYTES];
		this.random.nextBytes(secret);
		return secret;
	}

	/**
	 * The secret as people type it into an authenticator app: RFC 4648 base32 without
	 * padding.
	 * @param secret the secret
	 * @return its base32 text
	 */
	public static String base32(byte[] secret) {
		return new Base32().encodeToString(secret).replace("=", "");
	}

	/**
	 * The {@code otpauth://} URI an authenticator app reads from the QR code.
	 * @param issuer who issues the code (shown in the app)
	 * @param account the account's email
	 * @param secret the secret
	 * @return the URI
	 */
	public static String otpauthUri(String issuer, String account, byte[] secret) {
		String label = encode(issuer) + ":" + encode(account);
		return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer=" + encode(issuer)
				+ "&algorithm=SHA1&digits=6&period=" + STEP.toSeconds();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private SecretKeySpec key(byte[] secret) {
		return new SecretKeySpec(secret, this.generator.getAlgorithm());
	}

}
