package com.mindroom.common.security;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.util.StringUtils;

/**
 * Encrypts small secrets for storage (a tenant's generated credentials, an admin's TOTP
 * secret) with AES-256-GCM under the platform key {@code MINDROOM_ENCRYPTION_KEY} (32
 * bytes, base64). A sealed value is a version byte, a random 96-bit nonce and the
 * ciphertext with its tag; tampering makes {@link #open} fail.
 */
public class SecretBox {

	private static final byte VERSION = 1;

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKey key;

	private final SecureRandom random = new SecureRandom();

	/**
	 * Creates a box for a base64 key; a blank key gives a box that refuses to work with a
	 * clear message, so only the services that store secrets need the key.
	 * @param base64Key the key, base64 encoded
	 */
	public SecretBox(String base64Key) {
		this.key = StringUtils.hasText(base64Key) ? key(base64Key) : null;
	}

	private static SecretKey key(String base64Key) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64Key.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("MINDROOM_ENCRYPTION_KEY must be base64", ex);
		}
		if (bytes.length != 32) {
			throw new IllegalArgumentException("MINDROOM_ENCRYPTION_KEY must be 32 bytes (base64 of 32 random bytes)");
		}
		return new SecretKeySpec(bytes, "AES");
	}

	public boolean configured() {
		return this.key != null;
	}

	public byte[] seal(byte[] plaintext) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		byte[] ciphertext = crypt(Cipher.ENCRYPT_MODE, nonce, plaintext);
		return ByteBuffer.allocate(1 + NONCE_BYTES + ciphertext.length).put(VERSION).put(nonce).put(ciphertext).array();
	}

	public byte[] open(byte[] sealed) {
		if (sealed.length < 1 + NONCE_BYTES || sealed[0] != VERSION) {
			throw new IllegalArgumentException("Not a sealed value of this platform");
		}
		ByteBuffer buffer = ByteBuffer.wrap(sealed, 1, sealed.length - 1);
		byte[] nonce = new byte[NONCE_BYTES];
		buffer.get(nonce);
		byte[] ciphertext = new byte[buffer.remaining()];
		buffer.get(ciphertext);
		return crypt(Cipher.DECRYPT_MODE, nonce, ciphertext);
	}

	/**
	 * Generates a random secret for a tenant or a user, URL-safe base64 without padding.
	 * @param bytes how many random bytes
	 * @return the secret
	 */
	public String randomSecret(int bytes) {
		byte[] value = new byte[bytes];
		this.random.nextBytes(value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}

	private byte[] crypt(int mode, byte[] nonce, byte[] input) {
		if (this.key == null) {
			throw new IllegalStateException("MINDROOM_ENCRYPTION_KEY is not set; this service cannot store secrets");
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(mode, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			return cipher.doFinal(input);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not " + ((mode == Cipher.ENCRYPT_MODE) ? "seal" : "open")
					+ " a secret (wrong key or tampered value)", ex);
		}
	}

}
