package com.mindroom.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

/**
 * Token buckets in this process's memory, with the same arithmetic as the Redis limiter:
 * the default when no Redis is configured (one gateway replica, local runs). Idle buckets
 * are forgotten after ten minutes, and at most {@value #MAX_BUCKETS} are kept.
 */
class InMemoryRateLimitStore implements RateLimitStore {

	private static final long MAX_BUCKETS = 200_000;

	private final Cache<String, Bucket> buckets;

	private final LongSupplier nanoTime;

	InMemoryRateLimitStore(LongSupplier nanoTime) {
		this.nanoTime = nanoTime;
		this.buckets = Caffeine.newBuilder().maximumSize(MAX_BUCKETS).expireAfterAccess(10, TimeUnit.MINUTES).build();
	}

	@Override
	public Mono<Decision> consume(String tier, RateLimitPolicy policy, String key) {
		Bucket bucket = this.buckets.get(tier + ":" + key, (ignored) -> new Bucket(policy, this.nanoTime.getAsLong()));
		return Mono.just(bucket.take(policy, this.nanoTime.getAsLong()));
	}

	/**
	 * One caller's bucket.
	 */
	private static final class Bucket {

		private double tokens;

		private long refilledAt;

		Bucket(RateLimitPolicy policy, long now) {
			this.tokens = policy.burstCapacity();
			this.refilledAt = now;
		}

		synchronized Decision take(RateLimitPolicy policy, long now) {
			double refill = (now - this.refilledAt) / 1e9 * policy.replenishRate();
			this.tokens = Math.min(policy.burstCapacity(), this.tokens + Math.max(0, refill));
			this.refilledAt = now;
			if (this.tokens >= policy.requestedTokens()) {
				this.tokens -= policy.requestedTokens();
				return Decision.allow();
			}
			double missing = policy.requestedTokens() - this.tokens;
			return new Decision(false, Duration.ofMillis((long) Math.ceil(missing * 1000 / policy.replenishRate())));
		}

	}

}
