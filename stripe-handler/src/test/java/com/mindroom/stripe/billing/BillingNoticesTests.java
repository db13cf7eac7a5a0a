package com.mindroom.stripe.billing;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Amounts and dates in billing emails read as people write them.
 */
class BillingNoticesTests {

	@Test
	void formatsMinorUnitsInTheirCurrency() {
		assertThat(BillingNotices.amount(2900L, "usd")).isEqualTo("$29.00");
		assertThat(BillingNotices.amount(99000L, "eur")).isEqualTo("€990.00");
		assertThat(BillingNotices.amount(500L, "jpy")).isEqualTo("¥500");
		assertThat(BillingNotices.amount(null, "usd")).isEmpty();
	}

	@Test
	void formatsDaysInUtc() {
		assertThat(BillingNotices.day(Instant.parse("2026-06-01T23:30:00Z"))).isEqualTo("June 1, 2026 UTC");
		assertThat(BillingNotices.day(null)).isEmpty();
	}

}
