package com.mindroom.stripe.billing;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.stripe.model.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.common.instance.Instances;
import com.mindroom.common.lifecycle.DesiredStateSync;
import com.mindroom.common.lifecycle.TenantLifecycle;
import com.mindroom.common.plan.PlanCatalog;
import com.mindroom.common.plan.PlanCatalog.PricedPlan;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Mirrors Stripe subscriptions into {@code subscriptions}: an older snapshot never
 * overwrites a newer one, a price is mapped to its plan through the catalog (never
 * guessed), a plan change reaches the instance, and a newly entitled subscription gets
 * its instance. Every change goes on through {@link DesiredStateSync}.
 */
@Component
public class SubscriptionSync {

	private static final Logger logger = LoggerFactory.getLogger(SubscriptionSync.class);

	private final SubscriptionRows rows;

	private final AccountLinks accounts;

	private final PlanCatalog plans;

	private final Instances instances;

	private final DesiredStateSync desiredStates;

	private final TenantLifecycle lifecycle;

	private final JdbcClient jdbc;

	private final Clock clock;

	SubscriptionSync(SubscriptionRows rows, AccountLinks accounts, PlanCatalog plans, Instances instances,
			DesiredStateSync desiredStates, TenantLifecycle lifecycle, JdbcClient jdbc, Clock clock) {
		this.rows = rows;
		this.accounts = accounts;
		this.plans = plans;
		this.instances = instances;
		this.desiredStates = desiredStates;
		this.lifecycle = lifecycle;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Applies a subscription as Stripe returned it (a resync).
	 * @param subscription the subscription
	 * @param stateAt the Stripe time of this state
	 * @param actor who or what caused it (for the instance history)
	 * @return what happened
	 */
	public Applied apply(Subscription subscription, Instant stateAt, String actor) {
		return apply(SubscriptionState.from(subscription), stateAt, stateAt, null, actor);
	}

	/**
	 * Applies a subscription state unless a newer one is stored.
	 * @param state the state
	 * @param stateAt the Stripe time of the state
	 * @param since when a change it brings happened (the start of a past-due period)
	 * @param eventId the event that carried it, if any
	 * @param actor who or what caused it
	 * @return what happened
	 */
	Applied apply(SubscriptionState state, Instant stateAt, Instant since, String eventId, String actor) {
		SubscriptionState.Item item = pricedItem(state);
		PricedPlan priced = this.plans.findByStripePrice(item.priceId()).orElseThrow();
		Optional<SubscriptionRow> stored = this.rows.lock(state.id());
		if (stored.isPresent() && stored.get().supersedes(state.status(), stateAt)) {
			logger.info("Skipped an older state ({}) of subscription {}", state.status(), state.id());
			return new Applied(stored.get(), false);
		}
		UUID accountId = stored.map(SubscriptionRow::accountId)
			.orElseGet(() -> this.accounts.resolve(state.customerId(), state.accountHint()));
		SubscriptionRow next = toRow(state, item, priced, accountId, stored, stateAt, since);
		if (stored.isEmpty()) {
			Optional<UUID> inserted = this.rows.insert(next, eventId);
			if (inserted.isEmpty()) {
				return apply(state, stateAt, since, eventId, actor);
			}
			next = next.withId(inserted.get());
			logger.info("Subscription {} of account {} is {} on the {} plan", state.id(), accountId, next.status(),
					next.plan());
		}
		else {
			next = next.withId(stored.get().id());
			this.rows.update(next, eventId);
		}
		return settle(stored, next, actor);
	}

	/**
	 * Moves a stored subscription to another status, when the event that says so is newer
	 * than its state and the subscription is in one of the expected statuses.
	 * @param stripeId the Stripe subscription id
	 * @param from the statuses the move applies to
	 * @param to the new status
	 * @param at the Stripe time of the event
	 * @param eventId the event
	 * @param actor who or what caused it
	 * @return what happened, or empty when nothing changed
	 */
	Optional<Applied> transition(String stripeId, Set<String> from, String to, Instant at, String eventId,
			String actor) {
		Optional<SubscriptionRow> stored = this.rows.lock(stripeId);
		if (stored.isEmpty() || !from.contains(stored.get().status()) || stored.get().supersedes(to, at)) {
			return Optional.empty();
		}
		SubscriptionRow next = stored.get().transition(to, at);
		this.rows.update(next, eventId);
		logger.info("Subscription {} is now {} (was {})", stripeId, to, stored.get().status());
		return Optional.of(settle(stored, next, actor));
	}

	private Applied settle(Optional<SubscriptionRow> stored, SubscriptionRow next, String actor) {
		if (stored.isPresent() && !stored.get().plan().equals(next.plan())) {
			changePlan(next, stored.get().plan(), actor);
		}
		Optional<UUID> instance = this.instances.findBySubscription(next.id());
		if (instance.isEmpty() && this.lifecycle.isEntitled(next.snapshot(), this.clock.instant())) {
			this.instances.ensureFor(next.id(), actor);
		}
		else if (instance.isPresent()) {
			this.desiredStates.syncSubscription(next.id(), actor);
		}
		return new Applied(next, stored.isEmpty() || !stored.get().sameStateAs(next));
	}

	private void changePlan(SubscriptionRow row, String previous, String actor) {
		this.jdbc.sql("""
				with changed as (
				    update instances set plan = ? where subscription_id = ? and plan <> ? and desired_state <> 'deleted'
				    returning id, account_id, generation)
				insert into instance_events (instance_id, account_id, kind, generation, message, actor)
				select id, account_id, 'action', generation, ?, ? from changed
				""")
			.params(row.plan(), row.id(), row.plan(), "Plan changed from " + previous + " to " + row.plan(), actor)
			.update();
		logger.info("Subscription {} changed plan from {} to {}", row.stripeId(), previous, row.plan());
	}

	private SubscriptionState.Item pricedItem(SubscriptionState state) {
		if (state.items().isEmpty()) {
			throw new CannotApplyException("Subscription " + state.id() + " has no items");
		}
		return state.items()
			.stream()
			.filter((item) -> this.plans.findByStripePrice(item.priceId()).isPresent())
			.findFirst()
			.orElseThrow(() -> CannotApplyException.unknownPrice(state.items().get(0).priceId()));
	}

	private static SubscriptionRow toRow(SubscriptionState state, SubscriptionState.Item item, PricedPlan priced,
			UUID accountId, Optional<SubscriptionRow> stored, Instant stateAt, Instant since) {
		boolean pastDue = "past_due".equals(state.status());
		Instant pastDueSince = null;
		if (pastDue) {
			pastDueSince = stored.filter((row) -> "past_due".equals(row.status()) && row.pastDueSince() != null)
				.map(SubscriptionRow::pastDueSince)
				.orElse(since);
		}
		boolean hasAmount = item.unitAmount() != null && item.currency() != null;
		return new SubscriptionRow(null, accountId, state.id(), state.customerId(), state.status(), priced.plan().id(),
				priced.price().interval().stripeValue(), item.priceId(),
				hasAmount ? item.unitAmount() : priced.price().amount(),
				hasAmount ? item.currency() : priced.price().currency(), (int) Math.max(1, item.quantity()),
				state.trialStart(), state.trialEnd(), item.periodStart(), item.periodEnd(), state.cancelAtPeriodEnd(),
				state.cancelAt(), state.canceledAt(), state.endedAt(), pastDueSince, stateAt);
	}

	/**
	 * The outcome of applying a subscription state.
	 *
	 * @param row the subscription as stored afterwards
	 * @param changed whether anything but its time changed
	 */
	public record Applied(SubscriptionRow row, boolean changed) {

		public String status() {
			return this.row.status();
		}

	}

}
