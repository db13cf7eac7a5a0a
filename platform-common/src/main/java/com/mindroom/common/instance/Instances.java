package com.mindroom.common.instance;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.common.lifecycle.DesiredStateSync;
import com.mindroom.common.plan.Plan;
import com.mindroom.common.plan.PlanCatalog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the instance of a subscription (at most one, which the schema enforces), with a
 * unique slug derived from the account's name, and lets the lifecycle decide at once
 * whether it should run.
 */
public class Instances {

	private static final Logger logger = LoggerFactory.getLogger(Instances.class);

	private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

	private static final int ATTEMPTS = 8;

	private final JdbcClient jdbc;

	private final DesiredStateSync desiredStates;

	private final InstanceProperties properties;

	private final PlanCatalog plans;

	private final SecureRandom random = new SecureRandom();

	public Instances(JdbcClient jdbc, DesiredStateSync desiredStates, InstanceProperties properties,
			PlanCatalog plans) {
		this.jdbc = jdbc;
		this.desiredStates = desiredStates;
		this.properties = properties;
		this.plans = plans;
	}

	/**
	 * Returns the subscription's instance, creating it if there is none yet.
	 * @param subscriptionId the subscription
	 * @param actor who or what caused the creation (for the event history)
	 * @return the instance id
	 */
	@Transactional
	public UUID ensureFor(UUID subscriptionId, String actor) {
		Optional<UUID> existing = findBySubscription(subscriptionId);
		if (existing.isPresent()) {
			return existing.get();
		}
		Subscription subscription = this.jdbc.sql("""
				select s.account_id, s.plan, a.name, a.email from subscriptions s join accounts a on a.id = s.account_id
				where s.id = ?
				""")
			.param(subscriptionId)
			.query((rs, row) -> new Subscription(rs.getObject("account_id", UUID.class), rs.getString("plan"),
					rs.getString("name"), rs.getString("email")))
			.single();
		Optional<UUID> adopted = adoptFreeInstance(subscriptionId, subscription, actor);
		if (adopted.isPresent()) {
			return adopted.get();
		}
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Optional<UUID> created = tryInsert(subscriptionId, subscription, slug(subscription));
			if (created.isPresent()) {
				recordCreation(created.get(), subscription, actor);
				return created.get();
			}
			existing = findBySubscription(subscriptionId);
			if (existing.isPresent()) {
				return existing.get();
			}
		}
		throw new IllegalStateException("Could not find a free slug for subscription " + subscriptionId);
	}

	public Optional<UUID> findBySubscription(UUID subscriptionId) {
		return this.jdbc.sql("select id from instances where subscription_id = ?")
			.param(subscriptionId)
			.query(UUID.class)
			.optional();
	}

	/**
	 * Moves the account's free-plan instance (if it has a live one) to a new paid
	 * subscription, and ends the free subscription, so an upgrade keeps the instance's
	 * data and never runs two instances.
	 */
	private Optional<UUID> adoptFreeInstance(UUID subscriptionId, Subscription subscription, String actor) {
		if (this.plans.find(subscription.plan()).map(Plan::free).orElse(false)) {
			return Optional.empty();
		}
		Optional<FreeInstance> free = this.jdbc.sql("""
				select i.id as instance_id, s.id as subscription_id, s.plan from instances i
				join subscriptions s on s.id = i.subscription_id
				where i.account_id = ? and s.stripe_subscription_id is null and s.status = 'active'
				    and i.desired_state <> 'deleted'
				order by i.created_at
				for update of i, s
				""")
			.param(subscription.accountId())
			.query((rs, row) -> new FreeInstance(rs.getObject("instance_id", UUID.class),
					rs.getObject("subscription_id", UUID.class), rs.getString("plan")))
			.stream()
			.filter((candidate) -> this.plans.find(candidate.plan()).map(Plan::free).orElse(false))
			.findFirst();
		free.ifPresent((found) -> adopt(found, subscriptionId, subscription, actor));
		return free.map(FreeInstance::instanceId);
	}

	private void adopt(FreeInstance free, UUID subscriptionId, Subscription subscription, String actor) {
		this.jdbc
			.sql("update subscriptions set status = 'canceled', canceled_at = now(), ended_at = now() where id = ?")
			.param(free.subscriptionId())
			.update();
		this.jdbc.sql("update instances set subscription_id = ?, plan = ? where id = ?")
			.params(subscriptionId, subscription.plan(), free.instanceId())
			.update();
		this.jdbc.sql("""
				insert into instance_events (instance_id, account_id, kind, generation, message, actor)
				select id, account_id, 'action', generation, ?, ? from instances where id = ?
				""")
			.params("Upgraded from the " + free.plan() + " plan to the " + subscription.plan() + " plan", actor,
					free.instanceId())
			.update();
		this.desiredStates.syncInstance(free.instanceId(), actor);
		logger.info("Instance {} moved from its {} subscription to the {} subscription {}", free.instanceId(),
				free.plan(), subscription.plan(), subscriptionId);
	}

	private Optional<UUID> tryInsert(UUID subscriptionId, Subscription subscription, String slug) {
		return this.jdbc
			.sql("""
					insert into instances (account_id, subscription_id, slug, plan, namespace, url, matrix_url, desired_reason)
					values (?, ?, ?, ?, ?, ?, ?, 'Created')
					on conflict do nothing
					returning id
					""")
			.params(subscription.accountId(), subscriptionId, slug, subscription.plan(), "mindroom-" + slug,
					this.properties.url(slug), this.properties.matrixUrl(slug))
			.query(UUID.class)
			.optional();
	}

	private void recordCreation(UUID instanceId, Subscription subscription, String actor) {
		this.jdbc.sql("""
				insert into instance_events (instance_id, account_id, kind, to_state, generation, message, actor)
				values (?, ?, 'desired', 'running', 1, ?, ?)
				""")
			.params(instanceId, subscription.accountId(), "Instance created for the " + subscription.plan() + " plan",
					actor)
			.update();
		this.desiredStates.syncInstance(instanceId, actor);
		logger.info("Created instance {} for account {} on the {} plan", instanceId, subscription.accountId(),
				subscription.plan());
	}

	/**
	 * A DNS-safe slug from the account's name (or its email's local part) and a random
	 * suffix.
	 * @param subscription the subscription being given an instance
	 * @return a candidate slug
	 */
	String slug(Subscription subscription) {
		String source = (subscription.name() != null && !subscription.name().isBlank()) ? subscription.name()
				: subscription.email().substring(0, Math.max(1, subscription.email().indexOf('@')));
		String base = Normalizer.normalize(source, Normalizer.Form.NFKD)
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("(^-+|-+$)", "");
		if (base.length() > 20) {
			base = base.substring(0, 20).replaceAll("-+$", "");
		}
		if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
			base = "mr" + base;
		}
		StringBuilder suffix = new StringBuilder();
		for (int i = 0; i < 5; i++) {
			suffix.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return base + "-" + suffix;
	}

	record Subscription(UUID accountId, String plan, String name, String email) {

	}

	private record FreeInstance(UUID instanceId, UUID subscriptionId, String plan) {

	}

}
