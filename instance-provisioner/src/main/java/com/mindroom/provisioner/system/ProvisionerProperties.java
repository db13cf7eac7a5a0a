package com.mindroom.provisioner.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the reconcile loop works ({@code mindroom.provisioner}).
 *
 * @param enabled whether this replica reconciles instances at all
 * @param replicaId this replica's name in claims (blank: host name and a random suffix)
 * @param workers how many instances this replica reconciles at once
 * @param lease how long a claim holds before another replica may take the instance over
 * (renewed while the pass runs)
 * @param idlePoll how often an idle replica looks for due work besides being woken by
 * {@code NOTIFY}
 * @param resync how often every instance is checked again for drift (the sweep)
 * @param readinessPoll how soon an instance waiting for its pods is checked again
 * @param readinessTimeout how long a rollout may take before it counts as a failure
 * @param maxAttempts failed attempts before the instance is marked {@code error}
 * @param backoff the first retry delay, doubled on each failure
 * @param maxBackoff the longest retry delay before {@code error}
 * @param errorRetry how often an instance in {@code error} is still retried
 * @param retainVolumes whether deleting an instance keeps its volumes (reclaim policy
 * {@code Retain}) instead of deleting its data
 */
@ConfigurationProperties("mindroom.provisioner")
public record ProvisionerProperties(@DefaultValue("true") boolean enabled, String replicaId,
		@DefaultValue("8") int workers, @DefaultValue("2m") Duration lease, @DefaultValue("1s") Duration idlePoll,
		@DefaultValue("60s") Duration resync, @DefaultValue("2s") Duration readinessPoll,
		@DefaultValue("10m") Duration readinessTimeout, @DefaultValue("5") int maxAttempts,
		@DefaultValue("2s") Duration backoff, @DefaultValue("5m") Duration maxBackoff,
		@DefaultValue("15m") Duration errorRetry, @DefaultValue("false") boolean retainVolumes) {

}
