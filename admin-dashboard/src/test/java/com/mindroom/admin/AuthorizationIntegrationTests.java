package com.mindroom.admin;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
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

import static com.mindroom.admin.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deny by default, route by route: an anonymous visitor is sent to sign in (the API
 * answers 401), a customer gets 403, an admin without the second factor is sent to the
 * code step (the API answers 401), an admin gets the page. Health and metrics stay open
 * for the platform (the gateway never routes them).
 */
@AdminIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestDatabase database;

	private TestAdmins admins;

	private List<String> pages;

	private List<String> apiReads;

	private List<String> pageWrites;

	private List<String> apiWrites;

	@BeforeAll
	void seed() {
		this.admins = new TestAdmins(this.database.dataSource());
		UUID account = this.admins.data().account("target");
		UUID subscription = this.admins.data().subscription(account, "active", "starter");
		UUID instance = this.admins.data().instance(account, subscription, "target");
		this.admins.jdbc()
			.sql("insert into mindroom.stripe_events (id, type, stripe_created_at, payload, status) "
					+ "values ('evt_auth', 'invoice.paid', now(), '{}', 'failed')")
			.update();
		this.pages = List.of("/admin", "/admin/accounts", "/admin/accounts/" + account, "/admin/instances",
				"/admin/instances/" + instance, "/admin/instances/" + instance + "/state", "/admin/stripe",
				"/admin/stripe/events/evt_auth", "/admin/incidents", "/admin/audit", "/admin/audit/export.csv",
				"/admin/api-docs");
		this.apiReads = List.of("/api/admin/metrics", "/api/admin/metrics/uptime", "/api/admin/accounts",
				"/api/admin/accounts/" + account, "/api/admin/instances", "/api/admin/instances/" + instance,
				"/api/admin/instances/" + instance + "/uptime", "/api/admin/stripe/events",
				"/api/admin/stripe/events/evt_auth", "/api/admin/stripe/jobs", "/api/admin/audit",
				"/api/admin/audit/export", "/api/admin/incidents", "/api/admin/csrf");
		this.pageWrites = List.of("/admin/accounts/" + account + "/suspend",
				"/admin/accounts/" + account + "/unsuspend", "/admin/accounts/" + account + "/grant-admin",
				"/admin/accounts/" + account + "/revoke-admin", "/admin/accounts/" + account + "/delete",
				"/admin/accounts/" + account + "/cancel-deletion", "/admin/instances/" + instance + "/restart",
				"/admin/instances/" + instance + "/suspend", "/admin/instances/" + instance + "/resume",
				"/admin/instances/" + instance + "/reprovision", "/admin/instances/" + instance + "/retry",
				"/admin/instances/" + instance + "/delete", "/admin/instances/retry-failed",
				"/admin/stripe/events/evt_auth/reprocess", "/admin/stripe/backfill", "/admin/stripe/resync");
		this.apiWrites = List.of("/api/admin/accounts/" + account + "/suspend",
				"/api/admin/accounts/" + account + "/unsuspend", "/api/admin/accounts/" + account + "/grant-admin",
				"/api/admin/accounts/" + account + "/revoke-admin",
				"/api/admin/accounts/" + account + "/schedule-deletion",
				"/api/admin/accounts/" + account + "/cancel-deletion", "/api/admin/instances/" + instance + "/restart",
				"/api/admin/instances/" + instance + "/suspend", "/api/admin/instances/" + instance + "/resume",
				"/api/admin/instances/" + instance + "/reprovision", "/api/admin/instances/" + instance + "/retry",
				"/api/admin/instances/" + instance + "/delete", "/api/admin/instances/retry-failed",
				"/api/admin/stripe/events/evt_auth/reprocess", "/api/admin/stripe/backfill",
				"/api/admin/stripe/resync");
	}

	@Test
	void anonymousVisitorsAreSentToSignInAndTheApiAnswers401() {
		AdminClient anonymous = new AdminClient(this.port);
		this.pages.forEach((path) -> assertThat(anonymous.get(path).location()).as(path).endsWith("/admin/login"));
		this.pageWrites
			.forEach((path) -> assertThat(anonymous.post(path, Map.of()).location()).as(path).endsWith("/admin/login"));
		this.apiReads.forEach((path) -> assertProblem(anonymous.get(path), 401, "sign-in-required"));
		this.apiWrites.forEach((path) -> assertProblem(anonymous.postJson(path, "{}"), 401, "sign-in-required"));
		assertThat(anonymous.get("/admin/login").status()).isEqualTo(200);
		assertThat(anonymous.get("/somewhere-else").location()).endsWith("/admin/login");
	}

	@Test
	void customersAreForbiddenEverywhere() {
		User customer = this.admins.customer("customer");
		AdminClient client = new AdminClient(this.port);
		client.password(customer.email(), TestAdmins.PASSWORD);
		this.pages.forEach((path) -> assertThat(client.get(path).status()).as(path).isEqualTo(403));
		this.pageWrites.forEach((path) -> assertThat(client.post(path, Map.of()).status()).as(path).isEqualTo(403));
		this.apiReads.forEach((path) -> assertProblem(client.get(path), 403, "forbidden"));
		this.apiWrites.forEach((path) -> assertProblem(client.postJson(path, "{}"), 403, "forbidden"));
	}

	@Test
	void adminsWithoutTheSecondFactorAreSentToTheCodeStep() {
		User admin = this.admins.admin("halfway");
		AdminClient client = new AdminClient(this.port);
		client.password(admin.email(), TestAdmins.PASSWORD);
		this.pages.forEach((path) -> assertThat(client.get(path).location()).as(path).endsWith("/admin/login/totp"));
		this.pageWrites.forEach(
				(path) -> assertThat(client.post(path, Map.of()).location()).as(path).endsWith("/admin/login/totp"));
		this.apiReads.forEach((path) -> assertProblem(client.get(path), 401, "second-factor-required"));
		this.apiWrites.forEach((path) -> assertProblem(client.postJson(path, "{}"), 401, "second-factor-required"));
		assertThat(client.get("/admin/login/totp").status()).isEqualTo(200);
	}

	@Test
	void adminsWithBothFactorsGetEveryPageAndApiRead() {
		User admin = this.admins.admin("full");
		AdminClient client = new AdminClient(this.port).signIn(this.admins, admin);
		this.pages.forEach((path) -> assertThat(client.get(path).status()).as(path).isEqualTo(200));
		this.apiReads.forEach((path) -> {
			Response response = client.get(path);
			assertThat(response.status()).as(path).isEqualTo(200);
		});
		assertThat(client.get("/admin/api-docs").body()).contains("/api/admin/instances/{id}/delete")
			.contains("MINDROOM_ADMIN_SESSION");
		assertThat(client.get("/admin/webjars/htmx.org/dist/htmx.min.js").status()).isEqualTo(200);
		assertThat(client.get("/admin/webjars/bootstrap/dist/css/bootstrap.min.css").status()).isEqualTo(200);
	}

	@Test
	void theCodeStepIsOnlyForAdminsWhoGaveThePassword() {
		AdminClient anonymous = new AdminClient(this.port);
		assertThat(anonymous.get("/admin/login/totp").location()).endsWith("/admin/login");
		User customer = this.admins.customer("nosy");
		AdminClient client = new AdminClient(this.port);
		client.password(customer.email(), TestAdmins.PASSWORD);
		assertThat(client.get("/admin/login/totp").status()).isEqualTo(403);
	}

	@Test
	void badIdsGetReadableErrorsNotServerErrors() {
		User admin = this.admins.admin("typo");
		AdminClient client = new AdminClient(this.port).signIn(this.admins, admin);
		assertThat(client.get("/admin/accounts/not-a-uuid").status()).isEqualTo(400);
		Response missing = client.get("/admin/accounts/" + UUID.randomUUID());
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.body()).contains("No such account.");
		assertProblem(client.get("/api/admin/instances/" + UUID.randomUUID()), 404, "not-found");
		assertProblem(client.get("/api/admin/instances?state=nonsense"), 400, "bad-request");
		assertProblem(client.get("/api/admin/audit?from=yesterday"), 400, "bad-request");
	}

	@Test
	void healthAndMetricsAnswerForThePlatform() {
		AdminClient anonymous = new AdminClient(this.port);
		for (String path : new String[] { "/actuator/health", "/actuator/health/liveness",
				"/actuator/health/readiness" }) {
			Response response = anonymous.get(path);
			assertThat(response.status()).as(path).isEqualTo(200);
			assertThat(response.body()).as(path).contains("\"status\":\"UP\"");
		}
		assertThat(anonymous.get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes")
			.contains("application=\"admin-dashboard\"");
	}

}
