package com.mindroom.stripesim.billing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import com.mindroom.common.plan.BillingInterval;

/**
 * Billing period arithmetic in UTC calendar months and years, kept on the billing cycle
 * anchor as Stripe does (an anchor on the 31st bills on the last day of shorter months).
 */
final class Periods {

	private Periods() {
	}

	/**
	 * The end of the period that follows the one ending at {@code currentEnd}.
	 * @param anchor the billing cycle anchor (epoch seconds)
	 * @param currentEnd the current period's end (epoch seconds)
	 * @param interval the billing interval
	 * @return the next period's end (epoch seconds)
	 */
	static long nextEnd(long anchor, long currentEnd, BillingInterval interval) {
		ZonedDateTime start = Instant.ofEpochSecond(anchor).atZone(ZoneOffset.UTC);
		for (int n = 1;; n++) {
			long end = plus(start, interval, n).toEpochSecond();
			if (end > currentEnd) {
				return end;
			}
		}
	}

	/**
	 * The end of one billing interval from a start.
	 * @param start the start (epoch seconds)
	 * @param interval the billing interval
	 * @return the end (epoch seconds)
	 */
	static long oneFrom(long start, BillingInterval interval) {
		return plus(Instant.ofEpochSecond(start).atZone(ZoneOffset.UTC), interval, 1).toEpochSecond();
	}

	private static ZonedDateTime plus(ZonedDateTime start, BillingInterval interval, int n) {
		return (interval == BillingInterval.YEAR) ? start.plusYears(n) : start.plusMonths(n);
	}

	/**
	 * The share of a period that is still to come, for prorations.
	 * @param start the period's start
	 * @param end the period's end
	 * @param at now
	 * @return a fraction between 0 and 1
	 */
	static double remaining(long start, long end, long at) {
		if (end <= start) {
			return 0;
		}
		return Math.max(0, Math.min(1, (double) (end - at) / (end - start)));
	}

}
