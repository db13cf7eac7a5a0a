package com.mindroom.common.system;

import tools.jackson.databind.json.JsonMapper;

import com.mindroom.common.notification.NotificationDispatcher;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends the notification outbox through SMTP in the one service that sets
 * {@code mindroom.notifications.dispatch=true}, when SMTP is configured
 * ({@code SPRING_MAIL_HOST}, which makes Spring Boot create a {@link JavaMailSender}).
 */
@AutoConfiguration(afterName = "org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration")
@ConditionalOnProperty(name = "mindroom.notifications.dispatch", havingValue = "true")
@ConditionalOnBean({ JavaMailSender.class, JdbcClient.class })
@EnableScheduling
public class NotificationDispatchAutoConfiguration {

	@Bean
	NotificationDispatcher notificationDispatcher(JdbcClient jdbc, JavaMailSender mail, ObjectProvider<JsonMapper> json,
			@Value("${mindroom.notifications.from:MindRoom Cloud <no-reply@mindroom.localhost>}") String from) {
		return new NotificationDispatcher(jdbc, mail, json.getIfAvailable(() -> JsonMapper.builder().build()), from);
	}

	@Bean
	DispatchSchedule notificationDispatchSchedule(NotificationDispatcher dispatcher) {
		return new DispatchSchedule(dispatcher);
	}

	/**
	 * Drains the outbox every few seconds.
	 */
	static class DispatchSchedule {

		private final NotificationDispatcher dispatcher;

		DispatchSchedule(NotificationDispatcher dispatcher) {
			this.dispatcher = dispatcher;
		}

		@Scheduled(fixedDelayString = "${mindroom.notifications.interval:10s}", initialDelayString = "5s")
		void dispatch() {
			int sent;
			do {
				sent = this.dispatcher.dispatchDue(50);
			}
			while (sent == 50);
		}

	}

}
