package com.mindroom.admin.overview;

import java.time.Clock;

import com.mindroom.common.lifecycle.TenantLifecycle;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The metrics bean, on the platform clock.
 */
@Configuration(proxyBeanMethods = false)
class OverviewConfiguration {

	@Bean
	BusinessMetrics businessMetrics(JdbcClient jdbc, TenantLifecycle lifecycle, Clock clock) {
		return new BusinessMetrics(jdbc, lifecycle, clock);
	}

}
