package com.mindroom.common.system;

import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import com.mindroom.common.audit.AuditLog;
import com.mindroom.common.db.SimulatedClock;
import com.mindroom.common.db.TenantTransactions;
import com.mindroom.common.instance.InstanceCommands;
import com.mindroom.common.instance.InstanceProperties;
import com.mindroom.common.instance.Instances;
import com.mindroom.common.job.JobQueue;
import com.mindroom.common.lifecycle.DesiredStateSync;
import com.mindroom.common.lifecycle.LifecyclePolicy;
import com.mindroom.common.lifecycle.TenantLifecycle;
import com.mindroom.common.notification.Notifications;
import com.mindroom.common.plan.PlanCatalog;
import com.mindroom.common.plan.PlanProperties;
import com.mindroom.common.security.JwtProperties;
import com.mindroom.common.security.SecretBox;
import com.mindroom.common.web.ProblemDetailsAdvice;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The shared domain beans: plan catalog, lifecycle, platform clock, units of work as a
 * customer, and the problem-details convention for servlet services.
 */
@AutoConfiguration(
		afterName = { "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
				"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" },
		beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@EnableConfigurationProperties({ PlanProperties.class, LifecyclePolicy.class, JwtProperties.class,
		InstanceProperties.class })
public class CommonAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PlanCatalog planCatalog(PlanProperties properties) {
		return PlanCatalog.from(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	TenantLifecycle tenantLifecycle(LifecyclePolicy policy) {
		return new TenantLifecycle(policy);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(name = "mindroom.clock.simulated", havingValue = "false", matchIfMissing = true)
	Clock systemClock() {
		return Clock.systemUTC();
	}

	@Bean
	@ConditionalOnMissingBean(Clock.class)
	@ConditionalOnProperty(name = "mindroom.clock.simulated", havingValue = "true")
	@ConditionalOnBean(JdbcClient.class)
	Clock simulatedClock(JdbcClient jdbc) {
		return new SimulatedClock(jdbc, Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean({ JdbcClient.class, PlatformTransactionManager.class })
	TenantTransactions tenantTransactions(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		return new TenantTransactions(jdbc, transactionManager);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(JdbcClient.class)
	DesiredStateSync desiredStateSync(JdbcClient jdbc, TenantLifecycle lifecycle, Clock clock) {
		return new DesiredStateSync(jdbc, lifecycle, clock);
	}

	@Bean
	@ConditionalOnMissingBean
	SecretBox secretBox(@Value("${mindroom.security.encryption-key:}") String key) {
		return new SecretBox(key);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(JdbcClient.class)
	static class RowWritersConfiguration {

		private final JsonMapper json;

		RowWritersConfiguration(ObjectProvider<JsonMapper> json) {
			this.json = json.getIfAvailable(() -> JsonMapper.builder().build());
		}

		@Bean
		@ConditionalOnMissingBean
		AuditLog auditLog(JdbcClient jdbc) {
			return new AuditLog(jdbc, this.json);
		}

		@Bean
		@ConditionalOnMissingBean
		Notifications notifications(JdbcClient jdbc) {
			return new Notifications(jdbc, this.json);
		}

		@Bean
		@ConditionalOnMissingBean
		JobQueue jobQueue(JdbcClient jdbc) {
			return new JobQueue(jdbc, this.json);
		}

		@Bean
		@ConditionalOnMissingBean
		Instances instances(JdbcClient jdbc, DesiredStateSync desiredStates, InstanceProperties properties,
				PlanCatalog plans) {
			return new Instances(jdbc, desiredStates, properties, plans);
		}

		@Bean
		@ConditionalOnMissingBean
		InstanceCommands instanceCommands(JdbcClient jdbc, DesiredStateSync desiredStates, Clock clock) {
			return new InstanceCommands(jdbc, desiredStates, clock);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(ResponseEntityExceptionHandler.class)
	static class ServletProblemDetailsConfiguration {

		@Bean
		@ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
		ProblemDetailsAdvice problemDetailsAdvice() {
			return new ProblemDetailsAdvice();
		}

	}

}
