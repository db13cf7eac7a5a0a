package com.mindroom.common.test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seeds the rows tests commonly need (accounts, subscriptions, instances), writing as the
 * schema owner so it works under any role's privileges.
 */
public final class TestData {

	private final JdbcClient jdbc;

	public TestData(DataSource ownerDataSource) {
		this.jdbc = JdbcClient.create(ownerDataSource);
	}

	public JdbcClient jdbc() {
		return this.jdbc;
	}

	/**
	 * Seeds an account with a unique email made from the given name ({@code alice}
	 * becomes {@code alice+1a2b3c4d@example.com}), so tests of one class never collide.
	 * @param name the name
	 * @return the account id
	 */
	public UUID account(String name) {
		return insertAccount(name + "+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com", name);
	}

	public UUID accountWithEmail(String email) {
		return insertAccount(email, email.substring(0, email.indexOf('@')));
	}

	private UUID insertAccount(String email, String name) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("insert into mindroom.accounts (id, email, name) values (?, ?, ?)")
			.params(id, email, name)
			.update();
		return id;
	}

	public UUID subscription(UUID accountId, String status, String plan) {
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("""
					insert into mindroom.subscriptions (id, account_id, stripe_subscription_id, status, plan, billing_interval,
					    unit_amount, currency, past_due_since, current_period_start, current_period_end)
					values (?, ?, ?, ?, ?, 'month', 2900, 'usd', case when ? = 'past_due' then now() end, now(),
					    now() + interval '30 days')
					""")
			.params(id, accountId, "sub_" + id.toString().replace("-", "").substring(0, 14), status, plan, status)
			.update();
		return id;
	}

	/**
	 * Seeds an instance whose slug is the given prefix plus a unique suffix.
	 * @param accountId the owning account
	 * @param subscriptionId the subscription it belongs to
	 * @param slugPrefix the start of the slug (at most 24 characters)
	 * @return the instance id
	 */
	public UUID instance(UUID accountId, UUID subscriptionId, String slugPrefix) {
		UUID id = UUID.randomUUID();
		String slug = slugPrefix + "-" + id.toString().substring(0, 6);
		this.jdbc
			.sql("insert into mindroom.instances (id, account_id, subscription_id, slug, plan) "
					+ "values (?, ?, ?, ?, (select plan from mindroom.subscriptions where id = ?))")
			.params(id, accountId, subscriptionId, slug, subscriptionId)
			.update();
		return id;
	}

	public static java.time.OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
