package com.mindroom.admin;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.mindroom.admin.support.AdminClient;
import com.mindroom.admin.support.AdminClient.Response;
import com.mindroom.admin.support.AdminIntegrationTest;
import com.mindroom.admin.support.TestAdmins;
import com.mindroom.admin.support.TestAdmins.User;
import com.mindroom.common.test.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.mindroom.admin.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every admin action, through the JSON API and the pages: what it changes (never the
 * cluster: desired state, holds, requests, jobs) and the audit row it leaves, with actor,
 * client address, target, reason and outcome.
 */
@AdminIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminActionsIntegrationTests {

	private static final String CLIENT_IP = "203.0.113.7";

	@LocalServerPort
	private int port;

	@Autowired
	private TestDatabase database;

	private TestAdmins admins;

	private JdbcClient jdbc;

	private User admin;

	private AdminClient client;

	@BeforeAll
	void signIn() {
		this.admins = new TestAdmins(this.database.dataSource());
		this.jdbc = this.admins.jdbc();
		this.admin = this.admins.admin("operator");
		this.client = new AdminClient(this.port).forwardedFor(CLIENT_IP).signIn(this.admins, this.admin);
	}

	@BeforeEach
	void allowAnotherCode() {
		this.jdbc.sql("update mindroom.accounts set admin_totp_last_step = null where id = ?")
			.param(this.admin.id())
			.update();
	}

	@Test
	void restartRequestsARolloutAndIsAudited() {
		Tenant tenant = tenant("restart");
		Response response = this.client.postJson("/api/admin/instances/" + tenant.instance() + "/restart",
				"{\"reason\":\"stuck worker\"}");
		assertThat(response.status()).isEqualTo(200);
		assertThat(instance(tenant, "restart_requested_at is not null")).isTrue();
		assertAudited("instance.restart", tenant.instance().toString(), tenant.account(), "success", "stuck worker");
	}

	@Test
	void suspendAndResumeHoldTheInstanceThroughItsDesiredState() {
		Tenant tenant = tenant("hold");
		this.client.postJson("/api/admin/instances/" + tenant.instance() + "/suspend", "{}");
		assertThat(instance(tenant, "suspended_by_admin and desired_state = 'suspended'")).isTrue();
		assertAudited("instance.suspend", tenant.instance().toString(), tenant.account(), "success", null);
		this.client.postJson("/api/admin/instances/" + tenant.instance() + "/resume", "{}");
		assertThat(instance(tenant, "not suspended_by_admin and desired_state = 'running'")).isTrue();
		assertAudited("instance.resume", tenant.instance().toString(), tenant.account(), "success", null);
	}

	@Test
	void reprovisionAsksForAReconcileFromScratch() {
		Tenant tenant = tenant("again");
		this.client.postJson("/api/admin/instances/" + tenant.instance() + "/reprovision", "{}");
		assertThat(instance(tenant, "reprovision_requested_at is not null")).isTrue();
		assertAudited("instance.reprovision", tenant.instance().toString(), tenant.account(), "success", null);
	}

	@Test
	void retryNowOnlyForAnInstanceInErrorAndRefusalsAreAudited() {
		Tenant tenant = tenant("retry");
		assertProblem(this.client.postJson("/api/admin/instances/" + tenant.instance() + "/retry", "{}"), 409,
				"conflict");
		assertAudited("instance.retry", tenant.instance().toString(), tenant.account(), "denied", null);
		this.jdbc
			.sql("update mindroom.instances set observed_state = 'error', attempts = 4, "
					+ "next_attempt_at = now() + interval '1 hour' where id = ?")
			.param(tenant.instance())
			.update();
		assertThat(this.client.postJson("/api/admin/instances/" + tenant.instance() + "/retry", "{}").status())
			.isEqualTo(200);
		assertThat(instance(tenant, "attempts = 0 and next_attempt_at <= now()")).isTrue();
		assertAudited("instance.retry", tenant.instance().toString(), tenant.account(), "success", null);
	}

	@Test
	void retryAllFailedRetriesEveryInstanceInError() {
		Tenant first = tenant("failed-a");
		Tenant second = tenant("failed-b");
		this.jdbc
			.sql("update mindroom.instances set observed_state = 'error', attempts = 3, "
					+ "next_attempt_at = now() + interval '1 hour' where id in (?, ?)")
			.params(first.instance(), second.instance())
			.update();
		Response response = this.client.postJson("/api/admin/instances/retry-failed", "{}");
		assertThat(response.body()).contains("\"retried\":2");
		assertThat(instance(first, "attempts = 0") && instance(second, "attempts = 0")).isTrue();
		assertThat(this.jdbc
			.sql("select detail ->> 'instances' from mindroom.audit_log "
					+ "where action = 'instance.retry_all_failed' order by id desc limit 1")
			.query(String.class)
			.single()).isEqualTo("2");
	}

	@Test
	void deletingAnInstanceSchedulesItsAccountsDeletionWithAFreshCode() {
		Tenant tenant = tenant("gone");
		assertProblem(this.client.postJson("/api/admin/instances/" + tenant.instance() + "/delete",
				"{\"reason\":\"abuse\",\"code\":\"000000\",\"immediately\":true}"), 403, "step-up-failed");
		assertThat(
				count("select count(*) from mindroom.audit_log where action = 'admin.step_up' and outcome = 'denied'"))
			.isPositive();
		assertThat(account(tenant, "deletion_scheduled_for is null")).isTrue();
		this.allowAnotherCode();
		Response response = this.client.postJson("/api/admin/instances/" + tenant.instance() + "/delete",
				"{\"reason\":\"abuse\",\"code\":\"" + this.admins.freshCode(this.admin) + "\",\"immediately\":true}");
		assertThat(response.status()).isEqualTo(200);
		assertThat(account(tenant, "deletion_scheduled_for <= now()")).isTrue();
		assertThat(instance(tenant, "desired_state = 'deleted'")).isTrue();
		assertAudited("account.deletion_scheduled", tenant.account().toString(), tenant.account(), "success", "abuse");
	}

	@Test
	void suspendAndUnsuspendAnAccountThroughThePages() {
		Tenant tenant = tenant("pages");
		Response suspended = this.client.post("/admin/accounts/" + tenant.account() + "/suspend",
				Map.of("reason", "chargeback"));
		assertThat(suspended.location()).endsWith("/admin/accounts/" + tenant.account());
		assertThat(this.client.get("/admin/accounts/" + tenant.account()).body())
			.contains("The account is suspended; its instances will be suspended.");
		assertThat(account(tenant, "status = 'suspended' and status_reason = 'chargeback'")).isTrue();
		assertThat(instance(tenant, "desired_state = 'suspended'")).isTrue();
		assertAudited("account.suspend", tenant.account().toString(), tenant.account(), "success", "chargeback");
		this.client.post("/admin/accounts/" + tenant.account() + "/unsuspend", Map.of("reason", "paid"));
		assertThat(account(tenant, "status = 'active' and status_reason is null")).isTrue();
		assertThat(instance(tenant, "desired_state = 'running'")).isTrue();
		assertAudited("account.unsuspend", tenant.account().toString(), tenant.account(), "success", "paid");
	}

	@Test
	void anActionWithoutAReasonIsRefusedAndChangesNothing() {
		Tenant tenant = tenant("noreason");
		assertProblem(
				this.client.postJson("/api/admin/accounts/" + tenant.account() + "/suspend", "{\"reason\":\" \"}"), 400,
				"bad-request");
		assertThat(account(tenant, "status = 'active'")).isTrue();
		this.client.post("/admin/accounts/" + tenant.account() + "/suspend", Map.of("reason", ""));
		assertThat(this.client.get("/admin/accounts/" + tenant.account()).body()).contains("Say why");
		assertThat(account(tenant, "status = 'active'")).isTrue();
	}

	@Test
	void grantingAdminNeedsAFreshCodeAndRevokingEndsTheirSessions() {
		User colleague = this.admins.customer("colleague");
		Response refused = this.client.post("/admin/accounts/" + colleague.id() + "/grant-admin",
				Map.of("reason", "new hire", "code", "12"));
		assertThat(refused.status()).isEqualTo(302);
		assertThat(this.client.get("/admin/accounts/" + colleague.id()).body()).contains("needs a fresh code");
		assertThat(isAdmin(colleague.id())).isFalse();
		Response granted = this.client.postJson("/api/admin/accounts/" + colleague.id() + "/grant-admin",
				"{\"reason\":\"new hire\",\"code\":\"" + this.admins.freshCode(this.admin) + "\"}");
		assertThat(granted.body()).contains("\"admin\":true");
		assertAudited("account.admin_granted", colleague.id().toString(), colleague.id(), "success", "new hire");
		AdminClient theirs = new AdminClient(this.port);
		theirs.password(colleague.email(), TestAdmins.PASSWORD);
		assertThat(theirs.get("/admin/enrol").status()).isEqualTo(200);
		Response revoked = this.client.postJson("/api/admin/accounts/" + colleague.id() + "/revoke-admin",
				"{\"reason\":\"left the company\"}");
		assertThat(revoked.body()).contains("\"admin\":false");
		assertAudited("account.admin_revoked", colleague.id().toString(), colleague.id(), "success",
				"left the company");
		assertThat(count(
				"select count(*) from mindroom.admin_spring_session where principal_name = '" + colleague.id() + "'"))
			.isZero();
		assertProblem(this.client.postJson("/api/admin/accounts/" + this.admin.id() + "/revoke-admin",
				"{\"reason\":\"oops\"}"), 409, "conflict");
		assertAudited("account.admin_revoked", this.admin.id().toString(), this.admin.id(), "denied", "oops");
	}

	@Test
	void scheduleAndCancelAnAccountDeletion() {
		Tenant tenant = tenant("later");
		Response scheduled = this.client.postJson("/api/admin/accounts/" + tenant.account() + "/schedule-deletion",
				"{\"reason\":\"customer asked\",\"code\":\"" + this.admins.freshCode(this.admin) + "\"}");
		assertThat(scheduled.status()).isEqualTo(200);
		assertThat(account(tenant, "deletion_scheduled_for > now() + interval '6 days'")).isTrue();
		assertThat(instance(tenant, "desired_state = 'running'")).isTrue();
		assertAudited("account.deletion_scheduled", tenant.account().toString(), tenant.account(), "success",
				"customer asked");
		this.client.postJson("/api/admin/accounts/" + tenant.account() + "/cancel-deletion",
				"{\"reason\":\"changed their mind\"}");
		assertThat(account(tenant, "deletion_scheduled_for is null and deletion_requested_at is null")).isTrue();
		assertAudited("account.deletion_cancelled", tenant.account().toString(), tenant.account(), "success",
				"changed their mind");
	}

	@Test
	void reprocessMakesAFailedStripeEventDueAgain() {
		this.jdbc.sql("""
				insert into mindroom.stripe_events (id, type, stripe_created_at, payload, status, attempts, last_error,
				    next_attempt_at)
				values ('evt_failed1', 'invoice.paid', now(), cast(? as jsonb), 'failed', 8, 'boom', null),
				       ('evt_done1', 'invoice.paid', now(), '{}', 'processed', 1, null, null)
				""").param("{\"data\":{\"object\":{\"id\":\"pi_1\",\"client_secret\":\"pi_1_secret_abc\"}}}").update();
		Response detail = this.client.get("/api/admin/stripe/events/evt_failed1");
		assertThat(detail.body()).contains("[redacted]").doesNotContain("pi_1_secret_abc");
		assertThat(this.client.get("/admin/stripe/events/evt_failed1").body()).doesNotContain("pi_1_secret_abc");
		assertThat(this.client.postJson("/api/admin/stripe/events/evt_failed1/reprocess", "{}").status())
			.isEqualTo(200);
		assertThat(count("select count(*) from mindroom.stripe_events where id = 'evt_failed1' and status = 'received' "
				+ "and attempts = 0 and next_attempt_at <= now()"))
			.isEqualTo(1);
		assertAudited("stripe.event_reprocess", "evt_failed1", null, "success", null);
		assertProblem(this.client.postJson("/api/admin/stripe/events/evt_done1/reprocess", "{}"), 409, "conflict");
		assertProblem(this.client.postJson("/api/admin/stripe/events/evt_nope/reprocess", "{}"), 404, "not-found");
	}

	@Test
	void backfillAndResyncAreQueuedForTheStripeHandlerOnceEach() {
		Response first = this.client.postJson("/api/admin/stripe/backfill", "{}");
		Response second = this.client.postJson("/api/admin/stripe/backfill", "{}");
		assertThat(first.status()).isEqualTo(202);
		assertThat(first.body()).isEqualTo(second.body());
		this.client.post("/admin/stripe/resync", Map.of());
		assertThat(count("select count(*) from mindroom.jobs where kind = 'stripe.backfill' and status = 'queued' "
				+ "and dedupe_key = 'stripe.backfill' and requested_by = '" + this.admin.id() + "'"))
			.isEqualTo(1);
		assertThat(count("select count(*) from mindroom.jobs where kind = 'stripe.resync'")).isEqualTo(1);
		assertThat(count("select count(*) from mindroom.audit_log where action = 'stripe.backfill_requested'"))
			.isEqualTo(2);
		assertThat(count("select count(*) from mindroom.audit_log where action = 'stripe.resync_requested'"))
			.isEqualTo(1);
		assertThat(this.client.get("/admin/stripe").body()).contains("stripe.resync");
	}

	@Test
	void thePortalsCustomerEmailJobsAreListedWithTheirAccount() {
		Tenant tenant = tenant("email-job");
		this.jdbc.sql("""
				insert into mindroom.jobs (kind, payload, dedupe_key, requested_by, status, attempts, last_error)
				values ('stripe.customer_email', jsonb_build_object('account_id', ?::text), ?, ?, 'queued', 1,
				    'Stripe API call ''update customer'' failed: HTTP 500')
				""")
			.params(tenant.account().toString(), "stripe.customer_email:" + tenant.account(), tenant.account())
			.update();
		assertThat(this.client.get("/admin/stripe").body()).contains("stripe.customer_email")
			.contains("/admin/accounts/" + tenant.account())
			.contains("failed: HTTP 500");
		assertThat(this.client.get("/api/admin/stripe/jobs").body()).contains("stripe.customer_email")
			.contains("\"account\":\"" + tenant.account() + "\"");
	}

	@Test
	void theAuditLogFiltersAndExportsCsvAndTheExportIsAudited() {
		Tenant tenant = tenant("audited");
		this.client.postJson("/api/admin/instances/" + tenant.instance() + "/reprovision", "{\"reason\":\"=cmd\"}");
		Response filtered = this.client.get("/api/admin/audit?action=instance&account=" + tenant.account());
		assertThat(filtered.body()).contains("instance.reprovision").contains("\"total\":1");
		Response csv = this.client
			.get("/admin/audit/export.csv?action=instance.reprovision&account=" + tenant.account());
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.header("Content-Disposition")).contains("attachment");
		assertThat(csv.body()).startsWith("id,occurred_at,actor_type,actor_email,action")
			.contains("instance.reprovision")
			.contains(CLIENT_IP)
			.contains("'=cmd");
		assertThat(count("select count(*) from mindroom.audit_log where action = 'audit.exported'")).isPositive();
		assertThat(this.client.get("/admin/audit?actor=" + this.admin.email().substring(0, 8)).body())
			.contains("instance.reprovision");
	}

	@Test
	void theOverviewAndListsPageAndFilter() {
		tenant("listed");
		assertThat(this.client.get("/admin").body()).contains("Simulated cluster").contains("<svg");
		assertThat(this.client.get("/api/admin/accounts?q=listed&size=1").body()).contains("\"size\":1")
			.contains("listed");
		assertThat(this.client.get("/admin/instances?state=pending&q=listed").body()).contains("listed-");
		assertThat(this.client.get("/api/admin/instances?state=running&q=listed").body()).contains("\"total\":0");
		assertProblem(this.client.get("/api/admin/accounts?sort=password"), 400, "bad-request");
	}

	@Test
	void uptimeOfAnInstanceAndOfTheFleetAsJson() {
		Tenant tenant = tenant("uptime");
		this.jdbc.sql("""
				insert into mindroom.uptime_hourly (instance_id, account_id, hour, checks, up_checks, degraded_checks)
				select id, account_id, date_trunc('hour', now()) - make_interval(hours => ago), 4,
				       case when ago = 30 then 0 else 4 end, 0
				from mindroom.instances, generate_series(0, 47) ago where id = ?
				""").param(tenant.instance()).update();

		Response instance = this.client.get("/api/admin/instances/" + tenant.instance() + "/uptime");
		assertThat(instance.status()).isEqualTo(200);
		assertThat(instance.body()).contains("\"last24Hours\":1.0", "\"last7Days\":0.9791666666666666");
		assertThat(this.client.get("/api/admin/metrics/uptime").body()).contains("\"last24Hours\":1.0");
		assertProblem(this.client.get("/api/admin/instances/" + UUID.randomUUID() + "/uptime"), 404, "not-found");
	}

	private Tenant tenant(String name) {
		UUID account = this.admins.data().account(name);
		UUID subscription = this.admins.data().subscription(account, "active", "starter");
		UUID instance = this.admins.data().instance(account, subscription, name);
		return new Tenant(account, instance);
	}

	private boolean instance(Tenant tenant, String condition) {
		return count(
				"select count(*) from mindroom.instances where id = '" + tenant.instance() + "' and " + condition) == 1;
	}

	private boolean account(Tenant tenant, String condition) {
		return count(
				"select count(*) from mindroom.accounts where id = '" + tenant.account() + "' and " + condition) == 1;
	}

	private boolean isAdmin(UUID id) {
		return this.jdbc.sql("select is_admin from mindroom.accounts where id = ?")
			.param(id)
			.query(Boolean.class)
			.single();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private void assertAudited(String action, String target, UUID account, String outcome, String reason) {
		assertThat(this.jdbc.sql("""
				select count(*) from mindroom.audit_log
				where action = ? and target_id = ? and actor_type = 'admin' and actor_id = ? and host(ip) = ?
				  and outcome = ? and reason is not distinct from ? and account_id is not distinct from ?
				""")
			.params(action, target, this.admin.id(), CLIENT_IP, outcome, reason, account)
			.query(Long.class)
			.single()).as(action + " " + outcome).isEqualTo(1);
	}

	private record Tenant(UUID account, UUID instance) {

	}

}
