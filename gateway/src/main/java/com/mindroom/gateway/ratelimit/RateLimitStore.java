package com.mindroom.gateway.ratelimit;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * Where the token buckets live.
 */
interface RateLimitStore {

	/**
	 * Takes one request's tokens from a bucket.
	 * @param tier the policy's name
	 * @param policy the policy
	 * @param key whose bucket (an address, an account or a route)
	 * @return whether the request may pass, and if not how long to wait
	 */
	Mono<Decision> consume(String tier, RateLimitPolicy policy, String key);

	/**
	 * The outcome for one request.
	 *
	 * @param allowed whether it may pass
	 * @param retryAfter how long a refused caller should wait
	 */
	record Decision(boolean allowed, Duration retryAfter) {

		static Decision allow() {
			return new Decision(true, Duration.ZERO);
		}

	}

}
