package com.mindroom.e2e;

import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;

import static org.awaitility.Awaitility.await;

/**
 * The admin's authenticator app: RFC 6238 codes (HMAC-SHA1, six digits, 30-second steps)
 * from the key the enrolment page shows, in real time. The dashboard accepts each time
 * step once and one step either side of now, so the app never hands out a step twice: it
 * uses the next step when the current one is used, or waits for it.
 */
final class AuthenticatorApp {

	private static final Duration STEP = Duration.ofSeconds(30);

	private final TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(STEP);

	private final SecretKeySpec key;

	private long lastStep = Long.MIN_VALUE;

	/**
	 * An app set up with a key as typed from the enrolment page.
	 * @param base32Key the key (base32, spaces allowed)
	 */
	AuthenticatorApp(String base32Key) {
		byte[] secret = new Base32().decode(base32Key.replace(" ", ""));
		this.key = new SecretKeySpec(secret, this.generator.getAlgorithm());
	}

	/**
	 * A code of a time step not used before.
	 * @return the six-digit code
	 */
	String nextCode() {
		await("a time step without a used code").atMost(STEP.multipliedBy(2))
			.until(() -> this.lastStep < currentStep() + 1);
		long step = Math.max(currentStep(), this.lastStep + 1);
		this.lastStep = step;
		try {
			return this.generator.generateOneTimePasswordString(this.key,
					Instant.ofEpochSecond(step * STEP.toSeconds()));
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static long currentStep() {
		return Instant.now().getEpochSecond() / STEP.toSeconds();
	}

}
