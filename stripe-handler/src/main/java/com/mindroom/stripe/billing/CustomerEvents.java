package com.mindroom.stripe.billing;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.checkout.Session;

import com.mindroom.common.lifecycle.DesiredStateSync;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Applies the events that link Stripe customers to accounts: a completed checkout
 * ({@code client_reference_id}, else {@code metadata.account_id}), a customer created or
 * updated with {@code metadata.account_id}, and a deleted customer (unlinked; its
 * subscriptions end).
 */
@Component
class CustomerEvents {

	private static final Set<String> LIVE = Set.of("incomplete", "trialing", "active", "past_due", "unpaid", "paused");

	private final AccountLinks accounts;

	private final SubscriptionSync subscriptions;

	private final SubscriptionRows rows;

	private final DesiredStateSync desiredStates;

	CustomerEvents(AccountLinks accounts, SubscriptionSync subscriptions, SubscriptionRows rows,
			DesiredStateSync desiredStates) {
		this.accounts = accounts;
		this.subscriptions = subscriptions;
		this.rows = rows;
		this.desiredStates = desiredStates;
	}

	EventOutcome checkoutCompleted(PreparedEvent prepared, Session session) {
		if (!"subscription".equals(session.getMode())) {
			return EventOutcome.IGNORED;
		}
		UUID accountId = checkoutAccount(session);
		if (session.getCustomer() != null) {
			this.accounts.link(accountId, session.getCustomer());
		}
		if (prepared.current() != null) {
			Event event = prepared.event();
			this.subscriptions.apply(SubscriptionState.from(prepared.current()), prepared.fetchedAt(),
					prepared.created(), event.getId(), EventApplier.actor(event));
		}
		return EventOutcome.PROCESSED;
	}

	private UUID checkoutAccount(Session session) {
		if (StringUtils.hasText(session.getClientReferenceId())) {
			return this.accounts.requireAccount(session.getClientReferenceId(), "client_reference_id");
		}
		String hint = accountHint(session.getMetadata());
		if (hint != null) {
			return this.accounts.requireAccount(hint, "metadata.account_id");
		}
		return this.accounts.findByCustomer(session.getCustomer())
			.orElseThrow(() -> CannotApplyException.unknownCustomer(session.getCustomer()));
	}

	void apply(PreparedEvent prepared, Customer customer) {
		if ("customer.deleted".equals(prepared.event().getType())) {
			deleted(prepared, customer.getId());
			return;
		}
		String hint = accountHint(customer.getMetadata());
		if (hint != null) {
			this.accounts.linkIfUnlinked(this.accounts.requireAccount(hint, "metadata.account_id"), customer.getId());
		}
	}

	private void deleted(PreparedEvent prepared, String customerId) {
		Event event = prepared.event();
		String actor = EventApplier.actor(event);
		Optional<UUID> accountId = this.accounts.unlink(customerId);
		for (SubscriptionRow row : this.rows.lockActiveOfCustomer(customerId)) {
			this.subscriptions.transition(row.stripeId(), LIVE, "canceled", prepared.created(), event.getId(), actor);
		}
		accountId.ifPresent((id) -> this.desiredStates.syncAccount(id, actor));
	}

	private static String accountHint(Map<String, String> metadata) {
		String hint = (metadata != null) ? metadata.get("account_id") : null;
		return StringUtils.hasText(hint) ? hint : null;
	}

}
