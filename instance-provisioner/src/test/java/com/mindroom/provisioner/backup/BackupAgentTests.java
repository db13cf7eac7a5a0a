package com.mindroom.provisioner.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The backup agent on local directories: what it backs up comes back the same, encrypted
 * with the instance's own passphrase, and a restore that cannot be verified or decrypted
 * changes nothing.
 */
class BackupAgentTests {

	private static final String KEY = "backups/instance/2026-01-01-backup.tar.gz.enc";

	private static final char[] TENANT = "the-tenants-own-backup-passphrase".toCharArray();

	private static final char[] OTHER_TENANT = "another-tenants-backup-passphrase".toCharArray();

	@TempDir
	private Path temp;

	private DirectoryObjectStore store;

	private Map<String, Path> volumes;

	@BeforeEach
	void data() throws IOException {
		this.store = new DirectoryObjectStore(this.temp.resolve("store"));
		this.volumes = new LinkedHashMap<>();
		this.volumes.put("mindroom-data", Files.createDirectories(this.temp.resolve("mindroom")));
		this.volumes.put("matrix-data", Files.createDirectories(this.temp.resolve("matrix")));
		Files.createDirectories(this.volumes.get("mindroom-data").resolve("agents/memory"));
		Files.writeString(this.volumes.get("mindroom-data").resolve("agents/memory/notes.md"), "remember the milk");
		Files.writeString(this.volumes.get("mindroom-data").resolve("config.yaml"), "agents: 3");
		Files.setPosixFilePermissions(this.volumes.get("mindroom-data").resolve("config.yaml"),
				PosixFilePermissions.fromString("rw-------"));
		Files.createSymbolicLink(this.volumes.get("mindroom-data").resolve("current"), Path.of("agents/memory"));
		Files.write(this.volumes.get("matrix-data").resolve("homeserver.db"), new byte[256 * 1024]);
	}

	@Test
	void restoresExactlyWhatWasBackedUpReplacingWhatCameSince() throws Exception {
		BackupManifest manifest = BackupAgent.backup(this.store, KEY, this.volumes, TENANT);
		Files.writeString(this.volumes.get("mindroom-data").resolve("config.yaml"), "agents: 0, broken");
		Files.writeString(this.volumes.get("mindroom-data").resolve("written-after-the-backup.txt"), "gone soon");

		long files = BackupAgent.restore(this.store, KEY, manifest.sha256(), this.volumes, TENANT);

		Path mindroom = this.volumes.get("mindroom-data");
		assertThat(files).isEqualTo(3).isEqualTo(manifest.files());
		assertThat(Files.readString(mindroom.resolve("config.yaml"))).isEqualTo("agents: 3");
		assertThat(Files.getPosixFilePermissions(mindroom.resolve("config.yaml")))
			.as("the owner's bits as backed up, and the volume's group may use it")
			.isEqualTo(PosixFilePermissions.fromString("rw-rw----"));
		assertThat(Files.readString(mindroom.resolve("current/notes.md"))).isEqualTo("remember the milk");
		assertThat(Files.readSymbolicLink(mindroom.resolve("current"))).isEqualTo(Path.of("agents/memory"));
		assertThat(mindroom.resolve("written-after-the-backup.txt")).doesNotExist();
		assertThat(mindroom.resolve(ArchiveFormat.STAGING)).doesNotExist();
		assertThat(Files.size(this.volumes.get("matrix-data").resolve("homeserver.db"))).isEqualTo(256 * 1024);
	}

	@Test
	void recordsTheSizeAndChecksumOfTheStoredBytesWhichAreEncrypted() throws Exception {
		BackupManifest manifest = BackupAgent.backup(this.store, KEY, this.volumes, TENANT);

		byte[] stored = Files.readAllBytes(this.temp.resolve("store").resolve(KEY));
		assertThat(manifest.sizeBytes()).isEqualTo(stored.length);
		assertThat(manifest.sha256())
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stored)));
		assertThat(manifest.volumes()).containsExactly("mindroom-data", "matrix-data");
		assertThat(new String(stored, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("Salted__");
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("remember the milk")
			.doesNotContain("config.yaml");
		assertThat(this.store.size(BackupManifest.keyOf(KEY))).isPresent();
	}

	@Test
	void anotherTenantsKeyCannotDecryptTheBackupAndNothingChanges() throws Exception {
		BackupManifest manifest = BackupAgent.backup(this.store, KEY, this.volumes, TENANT);
		Files.writeString(this.volumes.get("mindroom-data").resolve("config.yaml"), "agents: 4");

		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> BackupAgent.restore(this.store, KEY, manifest.sha256(), this.volumes, OTHER_TENANT))
			.withMessageStartingWith("The backup could not be read")
			.isNotInstanceOf(ChecksumMismatchException.class);
		assertThat(Files.readString(this.volumes.get("mindroom-data").resolve("config.yaml"))).isEqualTo("agents: 4");
		assertThat(this.volumes.get("mindroom-data").resolve(ArchiveFormat.STAGING)).doesNotExist();
	}

	@Test
	void aBackupChangedInStorageIsRefusedAsAChecksumMismatchAndNothingChanges() throws Exception {
		BackupManifest manifest = BackupAgent.backup(this.store, KEY, this.volumes, TENANT);
		Path stored = this.temp.resolve("store").resolve(KEY);
		byte[] bytes = Files.readAllBytes(stored);
		bytes[bytes.length - 40] ^= 0x01;
		Files.write(stored, bytes);
		Files.writeString(this.volumes.get("mindroom-data").resolve("config.yaml"), "agents: 5");

		assertThatExceptionOfType(ChecksumMismatchException.class)
			.isThrownBy(() -> BackupAgent.restore(this.store, KEY, manifest.sha256(), this.volumes, TENANT))
			.withMessageStartingWith(ChecksumMismatchException.PREFIX + ": " + KEY);
		assertThat(Files.readString(this.volumes.get("mindroom-data").resolve("config.yaml"))).isEqualTo("agents: 5");
		assertThat(this.volumes.get("mindroom-data").resolve(ArchiveFormat.STAGING)).doesNotExist();
	}

	@Test
	void aFailedUploadLeavesNoObject() throws Exception {
		Map<String, Path> missing = Map.of("mindroom-data", this.temp.resolve("no-such-volume"));

		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> BackupAgent.backup(this.store, KEY, missing, TENANT));
		assertThat(this.store.size(KEY)).isEmpty();
		assertThat(this.store.size(BackupManifest.keyOf(KEY))).isEmpty();
		try (Stream<Path> left = Files.walk(this.temp.resolve("store"))) {
			assertThat(left.filter(Files::isRegularFile)).isEmpty();
		}
	}

	@Test
	void readsTheVolumesSettingAndRefusesAMalformedOne() {
		assertThat(BackupAgent.volumes("data=/data, matrix=/matrix"))
			.containsExactly(Map.entry("data", Path.of("/data")), Map.entry("matrix", Path.of("/matrix")));
		for (String malformed : new String[] { "data", "data=", "=/data", "", null }) {
			assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> BackupAgent.volumes(malformed))
				.withMessageContaining(BackupAgent.VOLUMES);
		}
	}

}
