package com.mindroom.provisioner.reconcile;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import com.mindroom.provisioner.system.ProvisionerProperties;

/**
 * Retry timing after a failed pass: exponential backoff with jitter (so replicas and
 * instances do not retry in lockstep), then, once the attempts are used up, a slow retry
 * of an instance in {@code error} for as long as it fails.
 */
class Backoff {

	private final ProvisionerProperties properties;

	Backoff(ProvisionerProperties properties) {
		this.properties = properties;
	}

	Failure after(int attempts, String reason) {
		int attempt = attempts + 1;
		boolean exhausted = attempt >= this.properties.maxAttempts();
		Duration delay = jitter(exhausted ? this.properties.errorRetry() : exponential(attempt));
		String message = "Attempt " + attempt + " failed: " + reason + ". Retrying in " + readable(delay) + ".";
		String errorMessage = "Provisioning failed after " + attempt + " attempts: " + reason + ". It is retried every "
				+ readable(this.properties.errorRetry()) + "; an administrator can retry it now.";
		return new Failure(attempt, exhausted, delay, message, errorMessage);
	}

	private Duration exponential(int attempt) {
		long base = this.properties.backoff().toMillis();
		long max = this.properties.maxBackoff().toMillis();
		long delay = base << Math.min(attempt - 1, 20);
		return Duration.ofMillis(Math.min(delay, max));
	}

	private static Duration jitter(Duration delay) {
		double factor = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
		return Duration.ofMillis(Math.round(delay.toMillis() * factor));
	}

	static String readable(Duration duration) {
		long seconds = Math.max(1, Math.round(duration.toMillis() / 1000.0));
		if (seconds < 120) {
			return seconds + " s";
		}
		long minutes = Math.round(seconds / 60.0);
		return (minutes < 120) ? minutes + " min" : Math.round(minutes / 60.0) + " h";
	}

}
