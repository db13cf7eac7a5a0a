package com.mindroom.common.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestData;
import com.mindroom.common.test.TestDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Row Level Security as defence in depth: the portal role, acting as account A, reads
 * only A's rows from every customer-facing table and cannot write rows for account B.
 */
@FreshDatabase
class RowLevelSecurityIntegrationTests {

	private static final List<String> CUSTOMER_TABLES = List.of("subscriptions", "instances", "instance_events",
			"invoices", "usage_daily", "uptime_hourly", "backups", "restores", "audit_log", "notification_outbox");

	private UUID alice;

	private UUID bob;

	private UUID bobInstance;

	private UUID bobSubscription;

	private SingleConnectionDataSource portal;

	private JdbcClient asPortal;

	@BeforeEach
	void seed(TestDatabase database) throws SQLException {
		TestData data = new TestData(database.dataSource());
		this.alice = data.account("alice");
		this.bob = data.account("bob");
		seedAccount(data, this.alice, "alice-team");
		this.bobSubscription = data.subscription(this.bob, "active", "starter");
		this.bobInstance = data.instance(this.bob, this.bobSubscription, "bob-team");
		seedRows(data, this.bob, this.bobInstance, this.bobSubscription);
		this.portal = portalConnection(database.dataSource());
		this.asPortal = JdbcClient.create(this.portal);
	}

	@AfterEach
	void close() {
		this.portal.destroy();
	}

	@Test
	void portalActingAsAliceReadsOnlyAlicesRowsFromEveryCustomerTable() {
		actAs(this.alice);
		assertThat(count("select count(*) from accounts")).isOne();
		assertThat(count("select count(*) from accounts where id <> '" + this.alice + "'")).isZero();
		for (String table : CUSTOMER_TABLES) {
			assertThat(count("select count(*) from " + table)).as(table).isPositive();
			assertThat(count("select count(*) from " + table + " where account_id <> '" + this.alice + "'")).as(table)
				.isZero();
		}
	}

	@Test
	void portalWithoutACallerReadsNothing() {
		assertThat(count("select count(*) from accounts")).isZero();
		for (String table : CUSTOMER_TABLES) {
			assertThat(count("select count(*) from " + table)).as(table).isZero();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "insert into accounts (id, email) values ('%2$s', 'mallory@example.com')",
			"insert into subscriptions (account_id, status, plan) values ('%1$s', 'active', 'free')",
			"insert into instances (account_id, subscription_id, slug, plan) values ('%1$s', '%3$s', 'stolen', 'starter')",
			"insert into instance_events (instance_id, account_id, kind, message) values ('%4$s', '%1$s', 'action', 'x')",
			"insert into audit_log (account_id, actor_type, action, outcome) values ('%1$s', 'customer', 'forged', 'success')",
			"insert into notification_outbox (account_id, recipient, template, subject) values ('%1$s', 'b@example.com', 't', 's')",
			"insert into contact_requests (account_id, email, message) values ('%1$s', 'b@example.com', 'hi')" })
	void portalActingAsAliceCannotWriteRowsForBob(String template) {
		actAs(this.alice);
		String sql = template.formatted(this.bob, UUID.randomUUID(), this.bobSubscription, this.bobInstance);
		assertThatThrownBy(() -> this.asPortal.sql(sql).update()).hasStackTraceContaining("row-level security");
	}

	@Test
	void portalActingAsAliceCannotChangeBobsInstance() {
		actAs(this.alice);
		int updated = this.asPortal.sql("update instances set stopped_by_customer = true where id = ?")
			.param(this.bobInstance)
			.update();
		assertThat(updated).isZero();
	}

	@Test
	void portalMayGrantOnlyTheFreePlanToItsCaller() {
		actAs(this.alice);
		assertThat(
				this.asPortal.sql("insert into subscriptions (account_id, status, plan) values (?, 'active', 'free')")
					.param(this.alice)
					.update())
			.isOne();
		assertThatThrownBy(() -> this.asPortal
			.sql("insert into subscriptions (account_id, status, plan) values (?, 'active', 'professional')")
			.param(this.alice)
			.update()).hasStackTraceContaining("row-level security");
	}

	@ParameterizedTest
	@ValueSource(strings = { "select count(*) from stripe_events", "select count(*) from tenant_secrets",
			"select count(*) from jobs", "select count(*) from admin_recovery_codes",
			"update accounts set is_admin = true", "update accounts set status = 'active'",
			"update instances set suspended_by_admin = false" })
	void portalCannotReachBackOfficeTablesOrColumns(String sql) {
		actAs(this.alice);
		assertThatThrownBy(() -> this.asPortal.sql(sql).update()).hasStackTraceContaining("permission denied");
	}

	private void actAs(UUID account) {
		this.asPortal.sql("select set_config('request.jwt.claims', ?, false)")
			.param("{\"sub\":\"" + account + "\"}")
			.query()
			.singleValue();
	}

	private long count(String sql) {
		return this.asPortal.sql(sql).query(Long.class).single();
	}

	private static void seedAccount(TestData data, UUID account, String slug) {
		UUID subscription = data.subscription(account, "active", "starter");
		seedRows(data, account, data.instance(account, subscription, slug), subscription);
	}

	private static void seedRows(TestData data, UUID account, UUID instance, UUID subscription) {
		JdbcClient jdbc = data.jdbc();
		jdbc.sql(
				"insert into mindroom.instance_events (instance_id, account_id, kind, message) values (?, ?, 'action', 'seeded')")
			.params(instance, account)
			.update();
		jdbc.sql(
				"""
						insert into mindroom.invoices (stripe_invoice_id, account_id, subscription_id, status, currency, stripe_created_at)
						values (?, ?, ?, 'paid', 'usd', now())
						""")
			.params("in_" + UUID.randomUUID(), account, subscription)
			.update();
		jdbc.sql(
				"insert into mindroom.usage_daily (instance_id, account_id, day, messages) values (?, ?, current_date, 5)")
			.params(instance, account)
			.update();
		jdbc.sql("insert into mindroom.uptime_hourly (instance_id, account_id, hour, checks, up_checks) "
				+ "values (?, ?, date_trunc('hour', now()), 12, 12)")
			.params(instance, account)
			.update();
		UUID backup = jdbc.sql(
				"insert into mindroom.backups (instance_id, account_id, deadline_at) values (?, ?, now()) returning id")
			.params(instance, account)
			.query(UUID.class)
			.single();
		jdbc.sql("insert into mindroom.restores (instance_id, account_id, backup_id, kind) values (?, ?, ?, 'restore')")
			.params(instance, account, backup)
			.update();
		jdbc.sql(
				"insert into mindroom.audit_log (account_id, actor_type, action, outcome) values (?, 'system', 'seeded', 'success')")
			.param(account)
			.update();
		jdbc.sql(
				"insert into mindroom.notification_outbox (account_id, recipient, template, subject) values (?, 'x@example.com', 'seeded', 'Seeded')")
			.param(account)
			.update();
	}

	private static SingleConnectionDataSource portalConnection(DataSource owner) throws SQLException {
		Connection connection = owner.getConnection();
		connection.createStatement().execute("set role mindroom_portal");
		return new SingleConnectionDataSource(connection, true);
	}

}
