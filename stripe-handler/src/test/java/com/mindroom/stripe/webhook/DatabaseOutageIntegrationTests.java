package com.mindroom.stripe.webhook;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestDatabase;
import com.mindroom.stripe.test.StripeFixtures;
import com.mindroom.stripe.test.WebhookSender;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the database cannot be reached the endpoint answers 503 (so Stripe retries) and
 * stores nothing; once it is back, the same delivery is accepted and stored. The outage
 * is real: the test database stops accepting connections and its sessions are ended.
 */
@FreshDatabase
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "mindroom.stripe.secret-key=", "mindroom.stripe.webhook-secrets=whsec_test_outage",
				"mindroom.stripe-handler.scheduling.enabled=false", "mindroom.stripe-handler.jobs.listen=false",
				"spring.datasource.hikari.connection-timeout=1000" })
class DatabaseOutageIntegrationTests {

	@Autowired
	private TestDatabase database;

	@LocalServerPort
	private int port;

	@AfterEach
	void databaseBack() throws SQLException {
		allowConnections(true);
	}

	@Test
	void answers503WhileTheDatabaseIsDownAndAcceptsTheSameEventOnceItIsBack() throws SQLException {
		WebhookSender stripe = new WebhookSender(this.port, "whsec_test_outage");
		String eventId = StripeFixtures.id("evt");
		String payload = StripeFixtures.event(eventId, "product.created", Instant.now(),
				StripeFixtures.customer(StripeFixtures.id("cus")));

		allowConnections(false);
		HttpResponse<String> refused = stripe.deliver(payload);
		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		assertThat(refused.body()).contains("/unavailable").doesNotContain("PSQLException");

		allowConnections(true);
		assertThat(stored(eventId)).isZero();
		HttpResponse<String> accepted = stripe.deliver(payload);
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
		assertThat(stored(eventId)).isOne();
	}

	private long stored(String eventId) {
		return JdbcClient.create(this.database.dataSource())
			.sql("select count(*) from mindroom.stripe_events where id = ?")
			.param(eventId)
			.query(Long.class)
			.single();
	}

	private void allowConnections(boolean allow) throws SQLException {
		String adminUrl = this.database.jdbcUrl().replace("/" + this.database.name(), "/postgres");
		try (Connection admin = DriverManager.getConnection(adminUrl, this.database.username(),
				this.database.password()); Statement statement = admin.createStatement()) {
			statement.execute("alter database " + this.database.name() + " allow_connections " + allow);
			if (!allow) {
				statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '"
						+ this.database.name() + "' and pid <> pg_backend_pid()");
			}
		}
	}

}
