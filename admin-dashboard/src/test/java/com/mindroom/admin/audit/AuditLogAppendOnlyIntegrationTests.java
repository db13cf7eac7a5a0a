package com.mindroom.admin.audit;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.mindroom.common.audit.Actor;
import com.mindroom.common.audit.AuditEntry;
import com.mindroom.common.audit.AuditLog;
import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestDatabase;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The dashboard's database role (the service role) can add to the audit log but never
 * change or remove an entry, so not even an admin can rewrite history.
 */
@FreshDatabase
class AuditLogAppendOnlyIntegrationTests {

	@Test
	void theServiceRoleAppendsButCannotUpdateOrDelete(TestDatabase database) {
		try (HikariDataSource service = database.dataSourceAs("mindroom_service")) {
			JdbcClient jdbc = JdbcClient.create(service);
			new AuditLog(jdbc, JsonMapper.builder().build())
				.record(AuditEntry.of(Actor.operator("test"), "account.suspend").withReason("original"));
			assertThatExceptionOfType(DataAccessException.class)
				.isThrownBy(() -> jdbc.sql("update audit_log set reason = 'rewritten'").update());
			assertThatExceptionOfType(DataAccessException.class)
				.isThrownBy(() -> jdbc.sql("delete from audit_log").update());
			assertThatExceptionOfType(DataAccessException.class)
				.isThrownBy(() -> jdbc.sql("truncate audit_log").update());
			assertThat(jdbc.sql("select reason from audit_log").query(String.class).list()).containsExactly("original");
		}
	}

}
