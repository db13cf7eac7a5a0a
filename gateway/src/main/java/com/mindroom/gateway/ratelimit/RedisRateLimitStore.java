package com.mindroom.gateway.ratelimit;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;

/**
 * Token buckets in Redis, through Spring Cloud Gateway's {@link RedisRateLimiter} (an
 * atomic Lua script per request), so every gateway replica shares them. The limiter lets
 * requests through when Redis cannot be reached, and logs that.
 */
class RedisRateLimitStore implements RateLimitStore {

	private final RedisRateLimiter limiter;

	RedisRateLimitStore(RedisRateLimiter limiter, Map<String, RateLimitPolicy> policies) {
		this.limiter = limiter;
		policies.forEach((tier, policy) -> limiter.getConfig().put(tier, policy.toRedisConfig()));
	}

	@Override
	public Mono<Decision> consume(String tier, RateLimitPolicy policy, String key) {
		return this.limiter.isAllowed(tier, key)
			.map((response) -> response.isAllowed() ? Decision.allow() : new Decision(false, policy.refillTime()));
	}

}
