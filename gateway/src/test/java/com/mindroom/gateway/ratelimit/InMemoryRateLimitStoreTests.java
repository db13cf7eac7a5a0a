package com.mindroom.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The in-memory token bucket: a burst, then the replenish rate, with the wait to
 * announce.
 */
class InMemoryRateLimitStoreTests {

	private final AtomicLong nanos = new AtomicLong();

	private final InMemoryRateLimitStore store = new InMemoryRateLimitStore(this.nanos::get);

	@Test
	void allowsTheBurstThenRefusesUntilTokensRefill() {
		RateLimitPolicy fivePerMinute = new RateLimitPolicy(1, 60, 12);
		for (int i = 0; i < 5; i++) {
			assertThat(consume(fivePerMinute, "203.0.113.1").allowed()).isTrue();
		}
		RateLimitStore.Decision refused = consume(fivePerMinute, "203.0.113.1");
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(12));

		this.nanos.addAndGet(Duration.ofSeconds(7).toNanos());
		assertThat(consume(fivePerMinute, "203.0.113.1").retryAfter()).isEqualTo(Duration.ofSeconds(5));
		this.nanos.addAndGet(Duration.ofSeconds(5).toNanos());
		assertThat(consume(fivePerMinute, "203.0.113.1").allowed()).isTrue();
	}

	@Test
	void keepsSeparateBucketsPerKeyAndTier() {
		RateLimitPolicy one = new RateLimitPolicy(1, 1, 1);
		assertThat(consume(one, "a").allowed()).isTrue();
		assertThat(consume(one, "a").allowed()).isFalse();
		assertThat(consume(one, "b").allowed()).isTrue();
		assertThat(this.store.consume("sign-in", one, "a").block().allowed()).isTrue();
	}

	@Test
	void neverHoldsMoreThanTheBurstCapacity() {
		RateLimitPolicy policy = new RateLimitPolicy(10, 2, 1);
		this.nanos.addAndGet(Duration.ofHours(1).toNanos());
		assertThat(consume(policy, "a").allowed()).isTrue();
		assertThat(consume(policy, "a").allowed()).isTrue();
		assertThat(consume(policy, "a").allowed()).isFalse();
	}

	@Test
	void rejectsAPolicyThatCouldNeverAllowARequest() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RateLimitPolicy(1, 5, 12));
		assertThatIllegalArgumentException().isThrownBy(() -> new RateLimitPolicy(0, 5, 1));
	}

	private RateLimitStore.Decision consume(RateLimitPolicy policy, String key) {
		return this.store.consume("anonymous", policy, key).block();
	}

}
