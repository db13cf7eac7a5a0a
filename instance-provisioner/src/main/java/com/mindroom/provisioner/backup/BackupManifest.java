package com.mindroom.provisioner.backup;

import java.util.List;

/**
 * What a backup Job reports next to its archive ({@code <key>.json}): the archive's size
 * and SHA-256 as stored, how many files it holds and of which volumes, and its format.
 *
 * @param key the archive's key
 * @param sizeBytes its size as stored (encrypted)
 * @param sha256 the SHA-256 of its stored bytes, in hex
 * @param files how many files it holds
 * @param volumes the volumes it holds
 * @param format how it is built
 * @param createdAt when the Job finished it (ISO-8601)
 */
public record BackupManifest(String key, long sizeBytes, String sha256, long files, List<String> volumes, String format,
		String createdAt) {

	/** The format every archive has. */
	public static final String FORMAT = "tar, gzip, openssl enc -aes-256-cbc -pbkdf2 -iter " + ArchiveCipher.ITERATIONS
			+ " -md sha256";

	/**
	 * Where the manifest of an archive is kept.
	 * @param key the archive's key
	 * @return the manifest's key
	 */
	public static String keyOf(String key) {
		return key + ".json";
	}

}
