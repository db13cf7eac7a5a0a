package com.mindroom.provisioner.backup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Objects in an S3-compatible bucket through the AWS SDK (path or virtual-host style,
 * checksums only where the API requires them, so stores other than AWS accept every
 * request). An upload of unknown length goes as one {@code PutObject} when it fits in one
 * part and as a multipart upload otherwise, holding one part in memory at a time.
 */
public class S3ObjectStore implements ObjectStore, AutoCloseable {

	private final S3Client s3;

	private final S3Settings settings;

	public S3ObjectStore(S3Settings settings) {
		this.settings = settings;
		this.s3 = S3Client.builder()
			.endpointOverride(URI.create(settings.endpoint()))
			.region(Region.of(settings.region()))
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())))
			.forcePathStyle(settings.pathStyle())
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.httpClient(UrlConnectionHttpClient.create())
			.build();
	}

	@Override
	public Upload create(String key) {
		return new MultipartUpload(key);
	}

	@Override
	public InputStream open(String key) throws IOException {
		try {
			return this.s3.getObject((request) -> request.bucket(this.settings.bucket()).key(key));
		}
		catch (NoSuchKeyException ex) {
			throw new IOException("No object " + key + " in " + describe(), ex);
		}
		catch (SdkException ex) {
			throw failure("read " + key, ex);
		}
	}

	@Override
	public Optional<Long> size(String key) throws IOException {
		try {
			return Optional
				.of(this.s3.headObject((request) -> request.bucket(this.settings.bucket()).key(key)).contentLength());
		}
		catch (NoSuchKeyException ex) {
			return Optional.empty();
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return Optional.empty();
			}
			throw failure("look up " + key, ex);
		}
		catch (SdkException ex) {
			throw failure("look up " + key, ex);
		}
	}

	@Override
	public void delete(String key) throws IOException {
		try {
			this.s3.deleteObject((request) -> request.bucket(this.settings.bucket()).key(key));
		}
		catch (SdkException ex) {
			throw failure("delete " + key, ex);
		}
	}

	@Override
	public String describe() {
		return "s3://" + this.settings.bucket() + " at " + this.settings.endpoint();
	}

	@Override
	public void close() {
		this.s3.close();
	}

	private IOException failure(String what, SdkException ex) {
		return new IOException("Could not " + what + " in " + describe() + ": " + ex.getMessage(), ex);
	}

	/**
	 * Buffers one part; the first full part starts a multipart upload, closing sends the
	 * rest (or the whole object in one request when it never filled a part).
	 */
	private final class MultipartUpload extends Upload {

		private final String key;

		private final ByteArrayOutputStream part = new ByteArrayOutputStream();

		private final List<CompletedPart> parts = new ArrayList<>();

		private String uploadId;

		/** Completed or aborted: nothing more is written or sent. */
		private boolean finished;

		MultipartUpload(String key) {
			this.key = key;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			if (this.finished) {
				throw new IOException("The upload of " + this.key + " is finished");
			}
			int position = offset;
			int remaining = length;
			while (remaining > 0) {
				int room = S3ObjectStore.this.settings.partSize() - this.part.size();
				int chunk = Math.min(room, remaining);
				this.part.write(bytes, position, chunk);
				position += chunk;
				remaining -= chunk;
				if (this.part.size() >= S3ObjectStore.this.settings.partSize()) {
					sendPart();
				}
			}
		}

		@Override
		public void close() throws IOException {
			if (this.finished) {
				return;
			}
			try {
				if (this.uploadId == null) {
					S3ObjectStore.this.s3.putObject(
							(request) -> request.bucket(S3ObjectStore.this.settings.bucket()).key(this.key),
							RequestBody.fromBytes(this.part.toByteArray()));
				}
				else {
					complete();
				}
				this.finished = true;
			}
			catch (SdkException ex) {
				abort();
				throw failure("upload " + this.key, ex);
			}
		}

		@Override
		public void abort() {
			this.finished = true;
			if (this.uploadId != null) {
				try {
					S3ObjectStore.this.s3
						.abortMultipartUpload((request) -> request.bucket(S3ObjectStore.this.settings.bucket())
							.key(this.key)
							.uploadId(this.uploadId));
				}
				catch (SdkException ex) {
					// the bucket's lifecycle rule for incomplete uploads removes what is
					// left
				}
				this.uploadId = null;
			}
		}

		private void complete() throws IOException {
			if (this.part.size() > 0) {
				sendPart();
			}
			S3ObjectStore.this.s3
				.completeMultipartUpload((request) -> request.bucket(S3ObjectStore.this.settings.bucket())
					.key(this.key)
					.uploadId(this.uploadId)
					.multipartUpload((upload) -> upload.parts(this.parts)));
		}

		private void sendPart() throws IOException {
			try {
				if (this.uploadId == null) {
					this.uploadId = S3ObjectStore.this.s3
						.createMultipartUpload(
								(request) -> request.bucket(S3ObjectStore.this.settings.bucket()).key(this.key))
						.uploadId();
				}
				int number = this.parts.size() + 1;
				String etag = S3ObjectStore.this.s3
					.uploadPart((request) -> request.bucket(S3ObjectStore.this.settings.bucket())
						.key(this.key)
						.uploadId(this.uploadId)
						.partNumber(number), RequestBody.fromBytes(this.part.toByteArray()))
					.eTag();
				this.parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
				this.part.reset();
			}
			catch (SdkException ex) {
				abort();
				throw failure("upload part of " + this.key, ex);
			}
		}

	}

}
