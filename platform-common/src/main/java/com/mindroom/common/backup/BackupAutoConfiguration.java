package com.mindroom.common.backup;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The restore requests, wherever there is a database.
 */
@AutoConfiguration(afterName = "com.mindroom.common.system.CommonAutoConfiguration")
@ConditionalOnBean(JdbcClient.class)
public class BackupAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RestoreRequests restoreRequests(JdbcClient jdbc) {
		return new RestoreRequests(jdbc);
	}

}
