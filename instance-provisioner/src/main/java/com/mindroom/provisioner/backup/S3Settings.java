package com.mindroom.provisioner.backup;

import java.util.Map;

import org.springframework.util.StringUtils;

/**
 * How to reach the bucket: an S3-compatible endpoint (Hetzner Object Storage in
 * production), its region, the bucket and an access key.
 *
 * @param endpoint the endpoint URL, for example
 * {@code https://fsn1.your-objectstorage.com}
 * @param region the region the requests are signed for
 * @param bucket the bucket
 * @param accessKey the access key id
 * @param secretKey the secret key (never logged)
 * @param pathStyle whether the bucket goes into the path rather than the host name
 * @param partSize the size of each part of a multipart upload, in bytes (at least 5 MiB
 * on real storage)
 */
public record S3Settings(String endpoint, String region, String bucket, String accessKey, String secretKey,
		boolean pathStyle, int partSize) {

	/** The environment variables the backup Jobs receive. */
	static final String ENDPOINT = "MINDROOM_BACKUP_S3_ENDPOINT";

	static final String REGION = "MINDROOM_BACKUP_S3_REGION";

	static final String BUCKET = "MINDROOM_BACKUP_S3_BUCKET";

	static final String ACCESS_KEY = "MINDROOM_BACKUP_S3_ACCESS_KEY";

	static final String SECRET_KEY = "MINDROOM_BACKUP_S3_SECRET_KEY";

	static final String PATH_STYLE = "MINDROOM_BACKUP_S3_PATH_STYLE";

	static final String PART_SIZE = "MINDROOM_BACKUP_S3_PART_SIZE";

	/**
	 * Whether enough is configured to use a bucket.
	 * @return whether endpoint and bucket are set
	 */
	public boolean configured() {
		return StringUtils.hasText(this.endpoint) && StringUtils.hasText(this.bucket);
	}

	/**
	 * The settings a backup Job was given.
	 * @param environment its environment
	 * @return the settings
	 */
	static S3Settings fromEnvironment(Map<String, String> environment) {
		return new S3Settings(environment.get(ENDPOINT), environment.getOrDefault(REGION, "us-east-1"),
				environment.get(BUCKET), environment.get(ACCESS_KEY), environment.get(SECRET_KEY),
				Boolean.parseBoolean(environment.getOrDefault(PATH_STYLE, "false")),
				Integer.parseInt(environment.getOrDefault(PART_SIZE, String.valueOf(16 * 1024 * 1024))));
	}

	@Override
	public String toString() {
		return "S3Settings[endpoint=" + this.endpoint + ", bucket=" + this.bucket + "]";
	}

}
