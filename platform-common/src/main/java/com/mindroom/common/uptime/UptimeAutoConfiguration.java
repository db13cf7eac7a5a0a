package com.mindroom.common.uptime;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The uptime queries, wherever there is a database.
 */
@AutoConfiguration(afterName = "com.mindroom.common.system.CommonAutoConfiguration")
@ConditionalOnBean({ JdbcClient.class, Clock.class })
public class UptimeAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	UptimeQueries uptimeQueries(JdbcClient jdbc, Clock clock) {
		return new UptimeQueries(jdbc, clock);
	}

}
