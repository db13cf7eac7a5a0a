package com.mindroom.provisioner.backup;

import java.io.IOException;
import java.io.InputStream;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The bucket adapter against an S3-compatible endpoint at the wire: small objects in one
 * request, large ones as multipart uploads, sizes, reads, deletes, and refused uploads
 * that leave nothing behind.
 */
class S3ObjectStoreTests {

	private static final int PART = 64 * 1024;

	@RegisterExtension
	static final S3StandIn s3 = S3StandIn.start();

	private static S3ObjectStore store;

	@BeforeAll
	static void bucket() {
		store = new S3ObjectStore(
				new S3Settings(s3.endpoint(), "fsn1", S3StandIn.BUCKET, "access", "secret-key", true, PART));
	}

	@AfterAll
	static void close() {
		store.close();
	}

	@Test
	void storesASmallObjectInOneRequestAndReadsItBack() throws IOException {
		byte[] content = bytes(1000);
		try (ObjectStore.Upload upload = store.create("backups/a/small.enc")) {
			upload.write(content);
		}

		assertThat(s3.object("backups/a/small.enc")).isEqualTo(content);
		assertThat(store.size("backups/a/small.enc")).contains(1000L);
		try (InputStream in = store.open("backups/a/small.enc")) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
	}

	@Test
	void storesALargeObjectAsAMultipartUpload() throws IOException {
		byte[] content = bytes(PART * 3 + 123);
		try (ObjectStore.Upload upload = store.create("backups/a/large.enc")) {
			for (int offset = 0; offset < content.length; offset += 5000) {
				upload.write(content, offset, Math.min(5000, content.length - offset));
			}
		}

		assertThat(s3.object("backups/a/large.enc")).isEqualTo(content);
		assertThat(s3.openUploads()).isZero();
	}

	@Test
	void deletesObjectsAndReportsMissingOnes() throws IOException {
		s3.put("backups/b/old.enc", bytes(10));

		store.delete("backups/b/old.enc");
		store.delete("backups/b/never-there.enc");

		assertThat(s3.keys()).doesNotContain("backups/b/old.enc");
		assertThat(store.size("backups/b/old.enc")).isEmpty();
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> store.open("backups/b/old.enc"))
			.withMessageContaining("backups/b/old.enc");
	}

	@Test
	void aRefusedUploadFailsAndLeavesNoObjectOrPartsBehind() {
		s3.refuseUploads(true);
		try {
			assertThatExceptionOfType(IOException.class).isThrownBy(() -> {
				try (ObjectStore.Upload upload = store.create("backups/c/refused.enc")) {
					upload.write(bytes(PART * 2));
				}
			}).withMessageContaining("Could not upload part of backups/c/refused.enc");
		}
		finally {
			s3.refuseUploads(false);
		}
		assertThat(s3.keys()).doesNotContain("backups/c/refused.enc");
		assertThat(s3.openUploads()).isZero();
	}

	@Test
	void neverNamesTheSecretKey() {
		assertThat(store.describe()).isEqualTo("s3://" + S3StandIn.BUCKET + " at " + s3.endpoint());
		assertThat(new S3Settings(s3.endpoint(), "fsn1", S3StandIn.BUCKET, "access", "secret-key", true, PART))
			.asString()
			.doesNotContain("secret-key");
	}

	private static byte[] bytes(int length) {
		byte[] bytes = new byte[length];
		new Random(length).nextBytes(bytes);
		return bytes;
	}

}
