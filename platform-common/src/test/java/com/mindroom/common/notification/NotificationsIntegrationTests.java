package com.mindroom.common.notification;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestData;
import com.mindroom.common.test.TestDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox queues each notice once per dedupe key.
 */
@FreshDatabase
class NotificationsIntegrationTests {

	private JdbcClient jdbc;

	private Notifications notifications;

	private UUID account;

	@BeforeEach
	void setUp(TestDatabase database) {
		TestData data = new TestData(database.dataSource());
		this.jdbc = data.jdbc();
		this.account = data.account("notified");
		this.notifications = new Notifications(this.jdbc, JsonMapper.builder().build());
	}

	@Test
	void queuesOneMessagePerDedupeKey() {
		Notification failed = new Notification(this.account, "a@example.com", "payment_failed", "Payment failed",
				Map.of("amount", "$29.00"), "payment_failed:in_123");
		assertThat(this.notifications.enqueue(failed)).isTrue();
		assertThat(this.notifications.enqueue(failed)).isFalse();
		assertThat(this.jdbc
			.sql("select count(*) from notification_outbox where dedupe_key = 'payment_failed:in_123' "
					+ "and status = 'pending' and params->>'amount' = '$29.00'")
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void queuesEveryMessageWithoutADedupeKey() {
		Notification reset = new Notification(this.account, "a@example.com", "password_reset", "Reset", Map.of(), null);
		this.notifications.enqueue(reset);
		this.notifications.enqueue(reset);
		assertThat(this.jdbc.sql("select count(*) from notification_outbox where template = 'password_reset'")
			.query(Long.class)
			.single()).isEqualTo(2);
	}

}
