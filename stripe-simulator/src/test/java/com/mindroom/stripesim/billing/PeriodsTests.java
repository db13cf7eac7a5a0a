package com.mindroom.stripesim.billing;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.mindroom.common.plan.BillingInterval;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Billing periods stay on their anchor through short months, as Stripe's do.
 */
class PeriodsTests {

	private static final long JAN_31 = Instant.parse("2027-01-31T10:00:00Z").getEpochSecond();

	@Test
	void monthlyPeriodsKeepTheAnchorDayThroughShortMonths() {
		long february = Periods.oneFrom(JAN_31, BillingInterval.MONTH);
		assertThat(Instant.ofEpochSecond(february)).isEqualTo(Instant.parse("2027-02-28T10:00:00Z"));
		long march = Periods.nextEnd(JAN_31, february, BillingInterval.MONTH);
		assertThat(Instant.ofEpochSecond(march)).isEqualTo(Instant.parse("2027-03-31T10:00:00Z"));
	}

	@Test
	void yearlyPeriodsLastAYear() {
		assertThat(Instant.ofEpochSecond(Periods.oneFrom(JAN_31, BillingInterval.YEAR)))
			.isEqualTo(Instant.parse("2028-01-31T10:00:00Z"));
	}

	@Test
	void remainingShareOfAPeriodIsBetweenZeroAndOne() {
		assertThat(Periods.remaining(0, 100, 25)).isEqualTo(0.75);
		assertThat(Periods.remaining(0, 100, 200)).isZero();
		assertThat(Periods.remaining(0, 100, -5)).isEqualTo(1.0);
	}

}
