package com.mindroom.provisioner.backup;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Backups, restores and restore drills ({@code mindroom.backups}).
 *
 * @param enabled whether instances are backed up at all
 * @param s3 the bucket the backups go to
 * @param directory a local directory used instead of a bucket on the simulated cluster
 * when no bucket is configured (blank: a directory under the system's temporary one)
 * @param startAt when (UTC) the daily backups start
 * @param spread over how long after the start they are spread (each instance has its own
 * fixed time in it)
 * @param window how long a backup may take before it counts as failed
 * @param maxConcurrent how many backup Jobs may run at once across the cluster
 * @param retention how long a backup is kept, per plan
 * @param defaultRetention how long a backup of a plan not named in {@code retention} is
 * kept
 * @param job the backup and restore Jobs
 * @param drill the weekly restore drill
 * @param restoreWindow how long a restore may take, from its request to the instance
 * running again
 */
@ConfigurationProperties("mindroom.backups")
public record BackupProperties(@DefaultValue("true") boolean enabled, @DefaultValue S3 s3, String directory,
		@DefaultValue("02:00") LocalTime startAt, @DefaultValue("4h") Duration spread,
		@DefaultValue("2h") Duration window, @DefaultValue("4") int maxConcurrent, Map<String, Duration> retention,
		@DefaultValue("7d") Duration defaultRetention, @DefaultValue Job job, @DefaultValue Drill drill,
		@DefaultValue("2h") Duration restoreWindow) {

	/**
	 * How long a backup of an instance on the plan is kept.
	 * @param plan the plan id
	 * @return the retention
	 */
	public Duration retentionOf(String plan) {
		return (this.retention != null) ? this.retention.getOrDefault(plan, this.defaultRetention)
				: this.defaultRetention;
	}

	/**
	 * The bucket.
	 *
	 * @param endpoint the S3-compatible endpoint URL
	 * @param region the region requests are signed for
	 * @param bucket the bucket
	 * @param accessKey the access key id
	 * @param secretKey the secret key
	 * @param pathStyle whether the bucket goes into the path
	 * @param partSize the part size of multipart uploads in bytes
	 * @param prefix the key prefix of every backup
	 */
	public record S3(String endpoint, @DefaultValue("us-east-1") String region, String bucket, String accessKey,
			String secretKey, @DefaultValue("false") boolean pathStyle, @DefaultValue("16777216") int partSize,
			@DefaultValue("backups") String prefix) {

		public S3Settings settings() {
			return new S3Settings(this.endpoint, this.region, this.bucket, this.accessKey, this.secretKey,
					this.pathStyle, this.partSize);
		}

		@Override
		public String toString() {
			return settings() + " prefix " + this.prefix;
		}

	}

	/**
	 * The Jobs that run the backup agent next to the data.
	 *
	 * @param image the image holding the agent: the provisioner's own image, which the
	 * platform chart sets
	 * @param cpuRequest the CPU request of its container
	 * @param cpuLimit its CPU limit (within every plan's container maximum)
	 * @param memoryRequest its memory request
	 * @param memoryLimit its memory limit (within every plan's container maximum)
	 * @param keepFinished how long a finished Job stays for operators to look at
	 * @param pullSecret the image pull Secret of a private registry,
	 * {@code <namespace>/<name>}, copied beside each Job (blank: none)
	 */
	public record Job(String image, @DefaultValue("100m") String cpuRequest, @DefaultValue("500m") String cpuLimit,
			@DefaultValue("256Mi") String memoryRequest, @DefaultValue("384Mi") String memoryLimit,
			@DefaultValue("1h") Duration keepFinished, String pullSecret) {

	}

	/**
	 * The weekly restore drill.
	 *
	 * @param sample how many instances' newest backups are restored each week
	 * @param cron when it runs (UTC)
	 */
	public record Drill(@DefaultValue("3") int sample, @DefaultValue("0 0 3 * * MON") String cron) {

	}

}
