package com.mindroom.common.lifecycle;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The configurable periods of the tenant lifecycle ({@code mindroom.lifecycle}).
 *
 * @param pastDueGrace how long a past-due subscription keeps running (default 7 days)
 * @param canceledRetention how long a canceled subscription's instance is kept suspended
 * before it is deleted (default 30 days)
 * @param accountDeletionGrace how long a requested account deletion can still be
 * cancelled (default 7 days)
 */
@ConfigurationProperties("mindroom.lifecycle")
public record LifecyclePolicy(@DefaultValue("7d") Duration pastDueGrace,
		@DefaultValue("30d") Duration canceledRetention, @DefaultValue("7d") Duration accountDeletionGrace) {

	public static LifecyclePolicy defaults() {
		return new LifecyclePolicy(Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(7));
	}

}
