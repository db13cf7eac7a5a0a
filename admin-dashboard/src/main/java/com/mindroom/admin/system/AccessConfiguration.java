package com.mindroom.admin.system;

import java.time.Clock;

import com.mindroom.admin.access.AdminSessions;
import com.mindroom.admin.access.AuditedActions;
import com.mindroom.admin.access.StepUp;
import com.mindroom.admin.totp.SecondFactor;
import com.mindroom.admin.totp.Totp;
import com.mindroom.common.audit.AuditLog;
import com.mindroom.common.security.SecretBox;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The second factor, audited actions and session handling the features share.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminProperties.class)
class AccessConfiguration {

	@Bean
	Totp totp() {
		// authenticator apps follow real time, never the simulated platform clock
		return new Totp(Clock.systemUTC());
	}

	@Bean
	SecondFactor secondFactor(JdbcClient jdbc, SecretBox box, Totp totp) {
		return new SecondFactor(jdbc, box, totp);
	}

	@Bean
	StepUp stepUp(SecondFactor secondFactor, AuditLog audit) {
		return new StepUp(secondFactor, audit);
	}

	@Bean
	AuditedActions auditedActions(PlatformTransactionManager transactionManager, AuditLog audit) {
		return new AuditedActions(transactionManager, audit);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication
	static class SessionsConfiguration {

		@Bean
		AdminSessions adminSessions(SecurityContextRepository contexts,
				FindByIndexNameSessionRepository<? extends Session> sessions) {
			return new AdminSessions(contexts, sessions);
		}

	}

}
