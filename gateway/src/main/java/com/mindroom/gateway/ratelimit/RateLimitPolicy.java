package com.mindroom.gateway.ratelimit;

import java.time.Duration;

import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;

/**
 * A token bucket, in the terms of Spring Cloud Gateway's Redis rate limiter: it refills
 * {@code replenishRate} tokens a second up to {@code burstCapacity}, and each request
 * takes {@code requestedTokens}. Five sign-ins a minute are, for instance, a rate of 1,
 * 12 tokens a request and a capacity of 60.
 *
 * @param replenishRate tokens added per second
 * @param burstCapacity most tokens the bucket holds
 * @param requestedTokens tokens one request costs
 */
public record RateLimitPolicy(int replenishRate, long burstCapacity, int requestedTokens) {

	public RateLimitPolicy {
		if (replenishRate < 1 || requestedTokens < 1 || burstCapacity < requestedTokens) {
			throw new IllegalArgumentException("A rate limit needs replenish-rate >= 1, requested-tokens >= 1 and "
					+ "burst-capacity >= requested-tokens");
		}
	}

	/**
	 * How long a refused caller should wait: the time the bucket takes to refill one
	 * request's worth of tokens.
	 * @return the wait
	 */
	Duration refillTime() {
		return Duration.ofMillis((long) Math.ceil(this.requestedTokens * 1000.0 / this.replenishRate));
	}

	RedisRateLimiter.Config toRedisConfig() {
		return new RedisRateLimiter.Config().setReplenishRate(this.replenishRate)
			.setBurstCapacity(this.burstCapacity)
			.setRequestedTokens(this.requestedTokens);
	}

}
