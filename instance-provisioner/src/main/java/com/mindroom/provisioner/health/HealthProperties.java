package com.mindroom.provisioner.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Health checks and usage collection ({@code mindroom.provisioner.health}).
 *
 * @param interval how often every running instance is checked
 * @param healthUrl the instance's health endpoint; {@code {namespace}} and {@code {slug}}
 * are filled in
 * @param usageUrl the instance's usage endpoint; {@code {namespace}}, {@code {slug}} and
 * {@code {day}} (ISO date) are filled in
 * @param usageCron when the usage collection runs (each instance's previous day is
 * collected once)
 * @param timeout how long an HTTP call to an instance may take
 * @param parallelism how many instances are checked at once
 * @param lockAtLeastFor how long a run keeps other replicas from running the check again
 * (a little less than the interval)
 */
@ConfigurationProperties("mindroom.provisioner.health")
public record HealthProperties(@DefaultValue("5m") Duration interval,
		@DefaultValue("http://mindroom.{namespace}.svc.cluster.local:8765/api/health") String healthUrl,
		@DefaultValue("http://mindroom.{namespace}.svc.cluster.local:8765/api/platform/usage?day={day}") String usageUrl,
		@DefaultValue("0 15 * * * *") String usageCron, @DefaultValue("3s") Duration timeout,
		@DefaultValue("8") int parallelism, @DefaultValue("4m") Duration lockAtLeastFor) {

}
