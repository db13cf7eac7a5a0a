package com.mindroom.provisioner.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.CipherOutputStream;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts archives in OpenSSL's {@code enc} format (AES-256-CBC, key and IV derived with
 * PBKDF2-HMAC-SHA256 from the instance's passphrase and a random salt), so an operator
 * can open any backup with stock tools:
 * {@code openssl enc -d -aes-256-cbc -pbkdf2 -iter 200000 -md sha256 -pass file:KEY}. The
 * format has no integrity check of its own; every backup's SHA-256 is recorded in the
 * database, apart from the bucket, and checked before a restored copy replaces anything.
 */
final class ArchiveCipher {

	/** PBKDF2 iterations; part of the format. */
	static final int ITERATIONS = 200_000;

	private static final byte[] MAGIC = "Salted__".getBytes(StandardCharsets.US_ASCII);

	private static final SecureRandom random = new SecureRandom();

	private ArchiveCipher() {
	}

	static OutputStream encrypting(OutputStream out, char[] passphrase) throws IOException {
		byte[] salt = new byte[8];
		random.nextBytes(salt);
		out.write(MAGIC);
		out.write(salt);
		return new CipherOutputStream(out, cipher(Cipher.ENCRYPT_MODE, passphrase, salt));
	}

	static InputStream decrypting(InputStream in, char[] passphrase) throws IOException {
		byte[] header = in.readNBytes(MAGIC.length + 8);
		if (header.length < MAGIC.length + 8 || !Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
			throw new IOException("Not an encrypted backup archive (no OpenSSL salt header)");
		}
		byte[] salt = Arrays.copyOfRange(header, MAGIC.length, header.length);
		return new CipherInputStream(in, cipher(Cipher.DECRYPT_MODE, passphrase, salt));
	}

	private static Cipher cipher(int mode, char[] passphrase, byte[] salt) throws IOException {
		try {
			byte[] material = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
				.generateSecret(new PBEKeySpec(passphrase, salt, ITERATIONS, 48 * 8))
				.getEncoded();
			Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
			cipher.init(mode, new SecretKeySpec(material, 0, 32, "AES"), new IvParameterSpec(material, 32, 16));
			Arrays.fill(material, (byte) 0);
			return cipher;
		}
		catch (GeneralSecurityException ex) {
			throw new IOException("AES-256-CBC with PBKDF2 is not available: " + ex.getMessage(), ex);
		}
	}

}
