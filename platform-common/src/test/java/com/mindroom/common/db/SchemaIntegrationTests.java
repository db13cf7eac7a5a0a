package com.mindroom.common.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import com.mindroom.common.lifecycle.SubscriptionStatus;
import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestData;
import com.mindroom.common.test.TestDatabase;
import com.mindroom.common.test.TestDatabases;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The schema's own guarantees: migrations apply to an empty database, and constraints,
 * the append-only audit log and the generation trigger hold whatever the application
 * does.
 */
@FreshDatabase
class SchemaIntegrationTests {

	private TestData data;

	private JdbcClient jdbc;

	@BeforeEach
	void setUp(TestDatabase database) {
		this.data = new TestData(database.dataSource());
		this.jdbc = this.data.jdbc();
	}

	@Test
	void allMigrationsApplyToAnEmptyDatabaseOnce() throws Exception {
		TestDatabase empty = TestDatabases.get().createEmpty();
		Flyway flyway = Flyway.configure()
			.dataSource(empty.jdbcUrl(), empty.username(), empty.password())
			.schemas("mindroom")
			.defaultSchema("mindroom")
			.locations("classpath:db/migrations")
			.load();
		int files = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migrations/*.sql").length;
		MigrateResult first = flyway.migrate();
		assertThat(first.migrationsExecuted).isEqualTo(files).isGreaterThanOrEqualTo(7);
		assertThat(flyway.migrate().migrationsExecuted).isZero();
		flyway.validate();
	}

	@ParameterizedTest
	@EnumSource(SubscriptionStatus.class)
	void subscriptionAcceptsEveryStripeStatus(SubscriptionStatus status) {
		UUID account = this.data.account(status.stripeValue().replace("_", "-"));
		UUID subscription = this.data.subscription(account, status.stripeValue(), "starter");
		assertThat(this.jdbc.sql("select status from mindroom.subscriptions where id = ?")
			.param(subscription)
			.query(String.class)
			.single()).isEqualTo(status.stripeValue());
	}

	@ParameterizedTest
	@ValueSource(strings = { "bogus", "ACTIVE", "" })
	void subscriptionRefusesUnknownStatus(String status) {
		UUID account = this.data.account("unknown-status");
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.data.subscription(account, status, "starter"));
	}

	@Test
	void refusesASecondInstanceForOneSubscription() {
		UUID account = this.data.account("one");
		UUID subscription = this.data.subscription(account, "active", "starter");
		this.data.instance(account, subscription, "first-team");
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.data.instance(account, subscription, "second-team"))
			.withStackTraceContaining("instances_subscription_id_key");
	}

	@Test
	void emailsAreUniqueWhateverTheirCase() {
		this.data.accountWithEmail("Alice@Example.com");
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.data.accountWithEmail("alice@example.COM"));
	}

	@Test
	void auditLogRefusesUpdateAndDeleteFromEveryRole() {
		this.jdbc.sql(
				"insert into mindroom.audit_log (actor_type, action, outcome) values ('system', 'test.entry', 'success')")
			.update();
		for (String role : List.of("mindroom_portal", "mindroom_service")) {
			assertThatThrownBy(() -> asRole(role, "update mindroom.audit_log set reason = 'changed'"))
				.hasStackTraceContaining("permission denied");
			assertThatThrownBy(() -> asRole(role, "delete from mindroom.audit_log"))
				.hasStackTraceContaining("permission denied");
		}
		assertThatThrownBy(() -> this.jdbc.sql("update mindroom.audit_log set reason = 'owner'").update())
			.hasStackTraceContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("truncate mindroom.audit_log").update())
			.hasStackTraceContaining("append-only");
		assertThat(this.jdbc.sql("select count(*) from mindroom.audit_log where reason is null")
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void changingDesiredStateBumpsGenerationAndWakesProvisioners(TestDatabase database) throws SQLException {
		UUID account = this.data.account("notify");
		UUID instance = this.data.instance(account, this.data.subscription(account, "active", "starter"), "notify-me");
		try (Connection listener = database.dataSource().getConnection()) {
			listener.createStatement().execute("listen instance_changed");
			this.jdbc.sql("update mindroom.instances set desired_state = 'suspended' where id = ?")
				.param(instance)
				.update();
			this.jdbc.sql("update mindroom.instances set desired_reason = 'no spec change' where id = ?")
				.param(instance)
				.update();
			PGNotification[] notifications = listener.unwrap(PGConnection.class).getNotifications(5000);
			assertThat(notifications).extracting(PGNotification::getParameter).containsExactly(instance.toString());
		}
		assertThat(this.jdbc.sql("select generation from mindroom.instances where id = ?")
			.param(instance)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	private void asRole(String role, String sql) {
		this.jdbc.sql("do $$ begin set local role " + role + "; execute '" + sql.replace("'", "''") + "'; end $$")
			.update();
	}

}
