package com.mindroom.common.db;

import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestData;
import com.mindroom.common.test.TestDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TenantTransactions} on a pool configured as the portal's: the caller's id
 * reaches Row Level Security for the unit of work and nothing outside it.
 */
@FreshDatabase
class TenantTransactionsIntegrationTests {

	private HikariDataSource pool;

	private JdbcClient jdbc;

	private TenantTransactions transactions;

	private UUID alice;

	private UUID aliceInstance;

	@BeforeEach
	void setUp(TestDatabase database) {
		TestData data = new TestData(database.dataSource());
		this.alice = data.account("alice");
		UUID bob = data.account("bob");
		this.aliceInstance = data.instance(this.alice, data.subscription(this.alice, "active", "starter"),
				"alice-team");
		data.instance(bob, data.subscription(bob, "active", "starter"), "bob-team");
		this.pool = database.dataSourceAs("mindroom_portal");
		this.pool.setMaximumPoolSize(1);
		this.jdbc = JdbcClient.create(this.pool);
		this.transactions = new TenantTransactions(this.jdbc, new DataSourceTransactionManager(this.pool));
	}

	@AfterEach
	void close() {
		this.pool.close();
	}

	@Test
	void unitOfWorkSeesOnlyTheCallersRows() {
		assertThat(this.transactions.asAccount(this.alice,
				() -> this.jdbc.sql("select id from instances").query(UUID.class).list()))
			.containsExactly(this.aliceInstance);
	}

	@Test
	void callerDoesNotOutliveItsUnitOfWork() {
		this.transactions.asAccount(this.alice, () -> this.jdbc.sql("select 1").query().singleValue());
		assertThat(this.jdbc.sql("select count(*) from instances").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("select mindroom.current_account_id()").query(UUID.class).optional()).isEmpty();
	}

}
