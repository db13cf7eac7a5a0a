package com.mindroom.common.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.mindroom.common.lifecycle.DesiredState.DELETED;
import static com.mindroom.common.lifecycle.DesiredState.RUNNING;
import static com.mindroom.common.lifecycle.DesiredState.SUSPENDED;
import static com.mindroom.common.lifecycle.SubscriptionStatus.ACTIVE;
import static com.mindroom.common.lifecycle.SubscriptionStatus.CANCELED;
import static com.mindroom.common.lifecycle.SubscriptionStatus.INCOMPLETE;
import static com.mindroom.common.lifecycle.SubscriptionStatus.INCOMPLETE_EXPIRED;
import static com.mindroom.common.lifecycle.SubscriptionStatus.PAST_DUE;
import static com.mindroom.common.lifecycle.SubscriptionStatus.PAUSED;
import static com.mindroom.common.lifecycle.SubscriptionStatus.TRIALING;
import static com.mindroom.common.lifecycle.SubscriptionStatus.UNPAID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Table-driven tests of {@link TenantLifecycle}: every Stripe status at the edges of
 * trials, grace, periods and retention, then every such case under every account state
 * and hold.
 */
class TenantLifecycleTests {

	private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

	private static final Duration DAY = Duration.ofDays(1);

	private static final Duration GRACE = Duration.ofDays(7);

	private static final Duration RETENTION = Duration.ofDays(30);

	private final TenantLifecycle lifecycle = new TenantLifecycle(LifecyclePolicy.defaults());

	/**
	 * One billing case: the subscription and what the lifecycle must decide for an active
	 * account.
	 */
	record BillingCase(String name, SubscriptionSnapshot subscription, DesiredState desired, boolean entitled,
			Instant reviewAt) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static List<BillingCase> billingCases() {
		List<BillingCase> cases = new ArrayList<>();
		cases.add(new BillingCase("active", sub(ACTIVE), RUNNING, true, null));
		cases.add(new BillingCase("active, period over but renewing", periodEnd(ACTIVE, NOW.minus(DAY), false), RUNNING,
				true, null));
		cases.add(new BillingCase("active, cancels at period end tomorrow", periodEnd(ACTIVE, NOW.plus(DAY), true),
				RUNNING, true, NOW.plus(DAY)));
		cases.add(new BillingCase("active, cancels at period end that is now", periodEnd(ACTIVE, NOW, true), SUSPENDED,
				false, NOW.plus(RETENTION)));
		cases.add(new BillingCase("active, cancelled period ended within retention",
				periodEnd(ACTIVE, NOW.minus(DAY.multipliedBy(29)), true), SUSPENDED, false, NOW.plus(DAY)));
		cases.add(new BillingCase("active, cancelled period ended past retention",
				periodEnd(ACTIVE, NOW.minus(DAY.multipliedBy(31)), true), DELETED, false, null));
		cases.add(new BillingCase("active, cancel at period end with no known period",
				new SubscriptionSnapshot(ACTIVE, null, null, true, null, null, null, null), RUNNING, true, null));
		cases.add(new BillingCase("active, cancel_at in two hours", cancelAt(NOW.plus(Duration.ofHours(2))), RUNNING,
				true, NOW.plus(Duration.ofHours(2))));
		cases.add(new BillingCase("active, cancel_at a second ago", cancelAt(NOW.minusSeconds(1)), SUSPENDED, false,
				NOW.minusSeconds(1).plus(RETENTION)));
		cases.add(new BillingCase("trialing with days left", trial(NOW.plus(DAY.multipliedBy(3))), RUNNING, true,
				NOW.plus(DAY.multipliedBy(3))));
		cases.add(new BillingCase("trialing, ends a second from now", trial(NOW.plusSeconds(1)), RUNNING, true,
				NOW.plusSeconds(1)));
		cases.add(new BillingCase("trialing, ends now", trial(NOW), SUSPENDED, false, null));
		cases.add(new BillingCase("trialing, ended yesterday", trial(NOW.minus(DAY)), SUSPENDED, false, null));
		cases.add(new BillingCase("trialing without an end", trial(null), RUNNING, true, null));
		cases.add(new BillingCase("past due since yesterday", pastDue(NOW.minus(DAY)), RUNNING, true,
				NOW.minus(DAY).plus(GRACE)));
		cases.add(new BillingCase("past due, grace ends in a second", pastDue(NOW.minus(GRACE).plusSeconds(1)), RUNNING,
				true, NOW.plusSeconds(1)));
		cases.add(new BillingCase("past due, grace ends now", pastDue(NOW.minus(GRACE)), SUSPENDED, false, null));
		cases.add(new BillingCase("past due for a month", pastDue(NOW.minus(DAY.multipliedBy(30))), SUSPENDED, false,
				null));
		cases.add(new BillingCase("past due, start unknown", pastDue(null), RUNNING, true, null));
		cases.add(new BillingCase("canceled yesterday", ended(NOW.minus(DAY), null, null), SUSPENDED, false,
				NOW.minus(DAY).plus(RETENTION)));
		cases.add(new BillingCase("canceled, retention ends tomorrow",
				ended(NOW.minus(DAY.multipliedBy(29)), null, null), SUSPENDED, false, NOW.plus(DAY)));
		cases.add(new BillingCase("canceled, retention ends now", ended(NOW.minus(RETENTION), null, null), DELETED,
				false, null));
		cases.add(new BillingCase("canceled long ago, known by cancel time only",
				ended(null, NOW.minus(DAY.multipliedBy(40)), null), DELETED, false, null));
		cases.add(
				new BillingCase("canceled, known by period end only", ended(null, null, NOW.minus(DAY.multipliedBy(2))),
						SUSPENDED, false, NOW.minus(DAY.multipliedBy(2)).plus(RETENTION)));
		cases.add(new BillingCase("canceled, end unknown", ended(null, null, null), SUSPENDED, false, null));
		cases.add(new BillingCase("unpaid", sub(UNPAID), SUSPENDED, false, null));
		cases.add(new BillingCase("paused", sub(PAUSED), SUSPENDED, false, null));
		cases.add(new BillingCase("incomplete", sub(INCOMPLETE), SUSPENDED, false, null));
		cases.add(new BillingCase("incomplete_expired", sub(INCOMPLETE_EXPIRED), DELETED, false, null));
		return cases;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("billingCases")
	void decidesFromBillingForAnActiveAccount(BillingCase billing) {
		LifecycleDecision decision = this.lifecycle.decide(billing.subscription(), AccountSnapshot.active(),
				InstanceHolds.NONE, NOW);
		assertThat(decision.desired()).isEqualTo(billing.desired());
		assertThat(decision.entitled()).isEqualTo(billing.entitled());
		assertThat(decision.reviewAt()).isEqualTo(billing.reviewAt());
		assertThat(decision.reason()).isNotBlank();
		assertThat(this.lifecycle.isEntitled(billing.subscription(), NOW)).isEqualTo(billing.entitled());
	}

	@Test
	void everyStripeStatusHasACase() {
		assertThat(billingCases().stream().map((billing) -> billing.subscription().status()).distinct())
			.containsExactlyInAnyOrder(SubscriptionStatus.values());
	}

	static Stream<Arguments> accountAndHoldCases() {
		List<AccountSnapshot> accounts = List.of(AccountSnapshot.active(),
				new AccountSnapshot(AccountStatus.SUSPENDED, null), new AccountSnapshot(AccountStatus.DELETED, null),
				new AccountSnapshot(AccountStatus.ACTIVE, NOW.plus(DAY.multipliedBy(2))),
				new AccountSnapshot(AccountStatus.ACTIVE, NOW),
				new AccountSnapshot(AccountStatus.ACTIVE, NOW.minusSeconds(1)),
				new AccountSnapshot(AccountStatus.SUSPENDED, NOW.plus(DAY)));
		List<InstanceHolds> holds = List.of(InstanceHolds.NONE, new InstanceHolds(true, false),
				new InstanceHolds(false, true), new InstanceHolds(true, true));
		return billingCases().stream()
			.flatMap((billing) -> accounts.stream()
				.flatMap((account) -> holds.stream().map((hold) -> Arguments.of(billing, account, hold))));
	}

	@ParameterizedTest(name = "{0} / {1} / {2}")
	@MethodSource("accountAndHoldCases")
	void accountAndHoldsOnlyEverTakeAwayWhatBillingGives(BillingCase billing, AccountSnapshot account,
			InstanceHolds holds) {
		LifecycleDecision decision = this.lifecycle.decide(billing.subscription(), account, holds, NOW);
		assertThat(decision.desired()).isEqualTo(expectedState(billing, account, holds));
		assertThat(decision.entitled()).isEqualTo(billing.entitled() && !accountGone(account));
		if (decision.desired() != DELETED) {
			assertThat(decision.reviewAt()).isEqualTo(earliest(billing.reviewAt(), account.deletionScheduledFor()));
		}
	}

	private static DesiredState expectedState(BillingCase billing, AccountSnapshot account, InstanceHolds holds) {
		if (accountGone(account) || billing.desired() == DELETED) {
			return DELETED;
		}
		if (account.status() == AccountStatus.SUSPENDED || !billing.entitled()) {
			return SUSPENDED;
		}
		return (holds.stoppedByCustomer() || holds.suspendedByAdmin()) ? SUSPENDED : RUNNING;
	}

	private static boolean accountGone(AccountSnapshot account) {
		return account.status() == AccountStatus.DELETED
				|| (account.deletionScheduledFor() != null && !NOW.isBefore(account.deletionScheduledFor()));
	}

	private static Instant earliest(Instant a, Instant b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.isBefore(b)) ? a : b;
	}

	private static SubscriptionSnapshot sub(SubscriptionStatus status) {
		return SubscriptionSnapshot.of(status);
	}

	private static SubscriptionSnapshot periodEnd(SubscriptionStatus status, Instant periodEnd, boolean cancels) {
		return new SubscriptionSnapshot(status, null, periodEnd, cancels, null, null, null, null);
	}

	private static SubscriptionSnapshot cancelAt(Instant cancelAt) {
		return new SubscriptionSnapshot(ACTIVE, null, NOW.plus(DAY.multipliedBy(20)), false, cancelAt, null, null,
				null);
	}

	private static SubscriptionSnapshot trial(Instant trialEnd) {
		return new SubscriptionSnapshot(TRIALING, trialEnd, trialEnd, false, null, null, null, null);
	}

	private static SubscriptionSnapshot pastDue(Instant since) {
		return new SubscriptionSnapshot(PAST_DUE, null, NOW.plus(DAY.multipliedBy(20)), false, null, since, null, null);
	}

	private static SubscriptionSnapshot ended(Instant endedAt, Instant canceledAt, Instant periodEnd) {
		return new SubscriptionSnapshot(CANCELED, null, periodEnd, false, null, null, endedAt, canceledAt);
	}

}
