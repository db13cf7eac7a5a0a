package com.mindroom.admin.totp;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second factor's codes are RFC 6238 exactly (the RFC's own test vectors), accepted
 * one step either side of now and no further, and shown to apps in the standard form.
 */
class TotpTests {

	private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] SHA512_SEED = "1234567890123456789012345678901234567890123456789012345678901234"
		.getBytes(StandardCharsets.US_ASCII);

	@ParameterizedTest
	@CsvSource({ "59, 94287082, 46119246, 90693936", "1111111109, 07081804, 68084774, 25091201",
			"1111111111, 14050471, 67062674, 99943326", "1234567890, 89005924, 91819424, 93441116",
			"2000000000, 69279037, 90698825, 38618901", "20000000000, 65353130, 77737706, 47863826" })
	void matchesTheTestVectorsOfRfc6238(long time, String sha1, String sha256, String sha512) {
		long step = time / 30;
		assertThat(totp(TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1).code(SHA1_SEED, step))
			.isEqualTo(sha1);
		assertThat(totp(TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA256).code(SHA256_SEED, step))
			.isEqualTo(sha256);
		assertThat(totp(TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA512).code(SHA512_SEED, step))
			.isEqualTo(sha512);
	}

	@Test
	void acceptsTheCodesOfOneStepEitherSideAndNoFurther() {
		Totp totp = new Totp(Clock.fixed(Instant.ofEpochSecond(1_111_111_111), ZoneOffset.UTC));
		long now = totp.currentStep();
		assertThat(totp.match(SHA1_SEED, totp.code(SHA1_SEED, now))).hasValue(now);
		assertThat(totp.match(SHA1_SEED, totp.code(SHA1_SEED, now - 1))).hasValue(now - 1);
		assertThat(totp.match(SHA1_SEED, totp.code(SHA1_SEED, now + 1))).hasValue(now + 1);
		assertThat(totp.match(SHA1_SEED, totp.code(SHA1_SEED, now - 2))).isEmpty();
		assertThat(totp.match(SHA1_SEED, totp.code(SHA1_SEED, now + 2))).isEmpty();
	}

	@Test
	void toleratesSpacesAndRefusesMalformedCodes() {
		Totp totp = new Totp(Clock.fixed(Instant.ofEpochSecond(59), ZoneOffset.UTC));
		String code = totp.code(SHA1_SEED, totp.currentStep());
		assertThat(totp.match(SHA1_SEED, code.substring(0, 3) + " " + code.substring(3))).isPresent();
		assertThat(totp.match(SHA1_SEED, null)).isEmpty();
		assertThat(totp.match(SHA1_SEED, "12345")).isEmpty();
		assertThat(totp.match(SHA1_SEED, "12345a")).isEmpty();
	}

	@Test
	void describesTheSecretForAuthenticatorApps() {
		assertThat(Totp.base32(SHA1_SEED)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
		assertThat(Totp.otpauthUri("MindRoom Admin", "ops@example.com", SHA1_SEED))
			.isEqualTo("otpauth://totp/MindRoom%20Admin:ops%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
					+ "&issuer=MindRoom%20Admin&algorithm=SHA1&digits=6&period=30");
		assertThat(new Totp(Clock.systemUTC()).newSecret()).hasSize(20);
	}

	private static Totp totp(String algorithm) {
		return new Totp(Clock.systemUTC(), 8, algorithm);
	}

}
