package com.mindroom.common.audit;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.mindroom.common.audit.AuditEntry.Outcome;
import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestData;
import com.mindroom.common.test.TestDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Audit entries reach the append-only log with every field, and never with a secret.
 */
@FreshDatabase
class AuditLogIntegrationTests {

	private JdbcClient jdbc;

	private AuditLog auditLog;

	private UUID account;

	@BeforeEach
	void setUp(TestDatabase database) {
		TestData data = new TestData(database.dataSource());
		this.jdbc = data.jdbc();
		this.account = data.account("audited");
		this.auditLog = new AuditLog(this.jdbc, JsonMapper.builder().build());
	}

	@Test
	void recordsWhoDidWhatToWhomFromWhere() {
		UUID admin = UUID.randomUUID();
		this.auditLog.record(AuditEntry.of(Actor.admin(admin, "ops@example.com"), "instance.suspend")
			.withTarget("instance", "i-1")
			.withAccount(this.account)
			.withReason("abuse report")
			.withClient("203.0.113.9", "Mozilla/5.0")
			.withOutcome(Outcome.SUCCESS));
		Map<String, Object> row = this.jdbc.sql(
				"select actor_id, actor_email, actor_type, action, target_type, target_id, account_id, host(ip) as ip, "
						+ "reason, outcome from audit_log where action = 'instance.suspend'")
			.query()
			.singleRow();
		assertThat(row).containsEntry("actor_id", admin)
			.containsEntry("actor_email", "ops@example.com")
			.containsEntry("actor_type", "admin")
			.containsEntry("target_type", "instance")
			.containsEntry("target_id", "i-1")
			.containsEntry("account_id", this.account)
			.containsEntry("ip", "203.0.113.9")
			.containsEntry("reason", "abuse report")
			.containsEntry("outcome", "success");
	}

	@Test
	void redactsSecretLookingDetailAndDropsMalformedAddresses() {
		this.auditLog.record(AuditEntry.of(Actor.anonymous(), "auth.sign_in")
			.withOutcome(Outcome.FAILURE)
			.withClient("not-an-ip; drop table", null)
			.withDetail("email", "who@example.com")
			.withDetail("password", "hunter2")
			.withDetail("totpCode", "123456")
			.withDetail("apiKey", "sk_live_x"));
		String detail = this.jdbc.sql("select detail::text from audit_log where action = 'auth.sign_in'")
			.query(String.class)
			.single();
		assertThat(detail).contains("who@example.com").doesNotContain("hunter2", "123456", "sk_live_x");
		assertThat(this.jdbc.sql("select ip is null from audit_log where action = 'auth.sign_in'")
			.query(Boolean.class)
			.single()).isTrue();
	}

}
