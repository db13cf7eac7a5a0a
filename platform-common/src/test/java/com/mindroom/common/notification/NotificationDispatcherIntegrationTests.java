package com.mindroom.common.notification;

import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestData;
import com.mindroom.common.test.TestDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox reaches a real SMTP server (GreenMail) once per message, and failures are
 * retried or given up.
 */
@FreshDatabase
class NotificationDispatcherIntegrationTests {

	private final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	private JdbcClient jdbc;

	private Notifications notifications;

	private UUID account;

	@BeforeEach
	void setUp(TestDatabase database) {
		this.smtp.start();
		TestData data = new TestData(database.dataSource());
		this.jdbc = data.jdbc();
		this.jdbc.sql("delete from notification_outbox").update();
		this.account = data.account("mailed");
		this.notifications = new Notifications(this.jdbc, JsonMapper.builder().build());
	}

	@AfterEach
	void stop() {
		this.smtp.stop();
	}

	@Test
	void sendsEachDueMessageOnceWithItsRenderedBody() throws Exception {
		this.notifications.enqueue(new Notification(this.account, "ada@example.com", "password_reset",
				"Reset your MindRoom password", Map.of("link", "https://app.test/auth/reset?token=abc"), null));
		this.notifications
			.enqueue(new Notification(this.account, "ada@example.com", "account_exists", "Hello", Map.of(), null));
		NotificationDispatcher dispatcher = dispatcher(this.smtp.getSmtp().getPort());
		assertThat(dispatcher.dispatchDue(10)).isEqualTo(2);
		assertThat(dispatcher.dispatchDue(10)).isZero();
		MimeMessage[] received = this.smtp.getReceivedMessages();
		assertThat(received).hasSize(2);
		MimeMessage reset = received[0].getSubject().startsWith("Reset") ? received[0] : received[1];
		assertThat(reset.getAllRecipients()[0].toString()).isEqualTo("ada@example.com");
		assertThat((String) reset.getContent()).contains("https://app.test/auth/reset?token=abc");
		assertThat(
				this.jdbc.sql("select count(*) from notification_outbox where status = 'sent' and sent_at is not null")
					.query(Long.class)
					.single())
			.isEqualTo(2);
	}

	@Test
	void retriesWhenSmtpIsDownAndGivesUpOnAnUnknownTemplate() {
		this.notifications.enqueue(new Notification(this.account, "b@example.com", "payment_failed", "Payment failed",
				Map.of("plan", "Starter"), null));
		this.notifications
			.enqueue(new Notification(this.account, "b@example.com", "no_such_template", "?", Map.of(), null));
		int closedPort = this.smtp.getSmtp().getPort();
		this.smtp.stop();
		assertThat(dispatcher(closedPort).dispatchDue(10)).isZero();
		assertThat(this.jdbc
			.sql("select status || ':' || attempts || ':' || (next_attempt_at > now()) "
					+ "from notification_outbox where template = 'payment_failed'")
			.query(String.class)
			.single()).isEqualTo("pending:1:true");
		assertThat(this.jdbc.sql("select status from notification_outbox where template = 'no_such_template'")
			.query(String.class)
			.single()).isEqualTo("failed");
	}

	@Test
	void rendersPlaceholdersAndRefusesUnknownTemplates() {
		assertThat(MailTemplates.render("trial_will_end", Map.of("plan", "Professional", "trialEnd", "June 1")))
			.contains("(Professional) ends on June 1")
			.doesNotContain("{{");
		assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> MailTemplates.render("../secrets", Map.of())))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private NotificationDispatcher dispatcher(int port) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		return new NotificationDispatcher(this.jdbc, sender, JsonMapper.builder().build(),
				"MindRoom Cloud <no-reply@mindroom.test>");
	}

}
