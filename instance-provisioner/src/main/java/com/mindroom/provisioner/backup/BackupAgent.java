package com.mindroom.provisioner.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes and restores backups next to the data. It runs as the command of the backup and
 * restore Jobs (the provisioner's image, {@code java ... BackupAgent backup|restore}),
 * configured by environment variables, and the simulated cluster runs the same code in
 * process. A backup streams the volumes as tar, gzip and AES-256 (encrypted before upload
 * with the instance's passphrase) to object storage, hashing the stored bytes on the way,
 * and writes a manifest beside the archive. A restore streams the archive back into a
 * staging directory in each volume, checks the SHA-256 recorded at backup time, and only
 * then replaces the volumes' content; on a mismatch nothing changes.
 */
public final class BackupAgent {

	public static final String MODE = "MINDROOM_AGENT_MODE";

	public static final String KEY = "MINDROOM_AGENT_KEY";

	public static final String VOLUMES = "MINDROOM_AGENT_VOLUMES";

	public static final String SHA256 = "MINDROOM_AGENT_SHA256";

	static final String PASSPHRASE_FILE = "MINDROOM_AGENT_PASSPHRASE_FILE";

	private static final Logger logger = LoggerFactory.getLogger(BackupAgent.class);

	private static final JsonMapper json = JsonMapper.builder().build();

	private BackupAgent() {
	}

	/**
	 * Runs one backup or restore from the Job's environment and exits with 0 on success;
	 * on failure the reason goes to the pod's termination message.
	 * @param args ignored (the environment says everything)
	 */
	public static void main(String[] args) {
		Map<String, String> environment = System.getenv();
		try (S3ObjectStore store = new S3ObjectStore(S3Settings.fromEnvironment(environment))) {
			char[] passphrase = Files.readString(Path.of(environment.get(PASSPHRASE_FILE))).strip().toCharArray();
			Map<String, Path> volumes = volumes(environment.get(VOLUMES));
			String key = environment.get(KEY);
			if ("restore".equals(environment.get(MODE))) {
				long files = restore(store, key, environment.get(SHA256), volumes, passphrase);
				logger.info("Restored {} files from {}", files, key);
			}
			else {
				BackupManifest manifest = backup(store, key, volumes, passphrase);
				logger.info("Backed up {} files to {} ({} bytes, SHA-256 {})", manifest.files(), key,
						manifest.sizeBytes(), manifest.sha256());
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.error("The {} failed", "restore".equals(environment.get(MODE)) ? "restore" : "backup", ex);
			fail(ex.getMessage());
		}
	}

	/**
	 * Backs the volumes up.
	 * @param store where the archive goes
	 * @param key the archive's key
	 * @param volumes each volume's name and directory
	 * @param passphrase the instance's backup passphrase
	 * @return the manifest written beside the archive
	 * @throws IOException when a volume cannot be read or the store cannot be written
	 */
	public static BackupManifest backup(ObjectStore store, String key, Map<String, Path> volumes, char[] passphrase)
			throws IOException {
		MessageDigest digest = sha256();
		ObjectStore.Upload upload = store.create(key);
		long files;
		CountingOutputStream stored;
		try {
			// closing the archive must not complete the upload: only a whole archive is
			// stored
			stored = new CountingOutputStream(new DigestOutputStream(upload, digest));
			OutputStream gzip = new GZIPOutputStream(ArchiveCipher.encrypting(stored, passphrase), 64 * 1024);
			files = ArchiveFormat.write(volumes, gzip);
			gzip.close();
			upload.close();
		}
		catch (IOException | RuntimeException ex) {
			upload.abort();
			throw ex;
		}
		BackupManifest manifest = new BackupManifest(key, stored.count, HexFormat.of().formatHex(digest.digest()),
				files, List.copyOf(volumes.keySet()), BackupManifest.FORMAT, Instant.now().toString());
		try (ObjectStore.Upload out = store.create(BackupManifest.keyOf(key))) {
			out.write(json.writeValueAsBytes(manifest));
		}
		return manifest;
	}

	/**
	 * Restores the volumes from a backup.
	 * @param store where the archive is
	 * @param key the archive's key
	 * @param expectedSha256 the SHA-256 recorded when the backup was taken
	 * @param volumes each volume's name and directory
	 * @param passphrase the instance's backup passphrase
	 * @return how many files were restored
	 * @throws ChecksumMismatchException when the archive is not what was backed up
	 * @throws IOException when it cannot be read or written
	 */
	public static long restore(ObjectStore store, String key, String expectedSha256, Map<String, Path> volumes,
			char[] passphrase) throws IOException {
		MessageDigest digest = sha256();
		long files;
		try (InputStream stored = new DigestInputStream(store.open(key), digest)) {
			try {
				files = ArchiveFormat.extract(new GZIPInputStream(ArchiveCipher.decrypting(stored, passphrase)),
						volumes);
			}
			catch (IOException ex) {
				stored.transferTo(OutputStream.nullOutputStream());
				verify(key, expectedSha256, digest, volumes);
				throw new IOException("The backup could not be read: " + ex.getMessage(), ex);
			}
			stored.transferTo(OutputStream.nullOutputStream());
		}
		verify(key, expectedSha256, digest, volumes);
		ArchiveFormat.swapIn(volumes);
		return files;
	}

	private static void verify(String key, String expected, MessageDigest digest, Map<String, Path> volumes)
			throws IOException {
		String actual = HexFormat.of().formatHex(digest.digest());
		if (!actual.equalsIgnoreCase(expected)) {
			ArchiveFormat.discard(volumes);
			throw new ChecksumMismatchException(key, expected, actual);
		}
	}

	/**
	 * Reads the volumes setting: {@code name=/path,name=/path}.
	 * @param value the setting
	 * @return each volume's name and directory, in order
	 */
	public static Map<String, Path> volumes(String value) {
		Map<String, Path> volumes = new LinkedHashMap<>();
		for (String pair : (value != null) ? value.split(",") : new String[0]) {
			String[] parts = pair.split("=", 2);
			if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
				throw new IllegalArgumentException(
						VOLUMES + " must list name=/path pairs separated by commas, not '" + value + "'");
			}
			volumes.put(parts[0].strip(), Path.of(parts[1].strip()));
		}
		if (volumes.isEmpty()) {
			throw new IllegalArgumentException(VOLUMES + " names no volume");
		}
		return volumes;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void fail(String message) {
		String reason = (message != null) ? message : "unknown error";
		try {
			Files.writeString(Path.of("/dev/termination-log"), reason, StandardCharsets.UTF_8);
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("No termination log to write the reason to: {}", ex.getMessage());
		}
		System.exit(1);
	}

	/**
	 * Counts the bytes that reach storage.
	 */
	private static final class CountingOutputStream extends FilterOutputStream {

		private long count;

		CountingOutputStream(OutputStream out) {
			super(out);
		}

		@Override
		public void write(int b) throws IOException {
			this.out.write(b);
			this.count++;
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			this.out.write(bytes, offset, length);
			this.count += length;
		}

		@Override
		public void close() throws IOException {
			flush();
		}

	}

}
