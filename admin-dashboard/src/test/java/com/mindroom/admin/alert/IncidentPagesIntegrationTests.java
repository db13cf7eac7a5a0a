package com.mindroom.admin.alert;

import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.mindroom.admin.support.AdminClient;
import com.mindroom.admin.support.AdminIntegrationTest;
import com.mindroom.admin.support.TestAdmins;
import com.mindroom.common.test.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incidents page lists the open incidents (critical first, then the newest) apart
 * from those resolved within the last week, each with its condition, summary and times
 * and a link to the page to look at; older resolved ones are left out, and the overview
 * counts the open ones.
 */
@AdminIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentPagesIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestDatabase database;

	private JdbcClient jdbc;

	private AdminClient client;

	@BeforeAll
	void signIn() {
		TestAdmins admins = new TestAdmins(this.database.dataSource());
		this.jdbc = admins.jdbc();
		this.client = new AdminClient(this.port).signIn(admins, admins.admin("incident-reader"));
	}

	@Test
	void listsOpenIncidentsFirstThenTheRecentlyResolved() {
		UUID instance = UUID.randomUUID();
		UUID backlog = incident("reconcile-backlog", "critical", "The provisioner is not keeping up",
				"/admin/instances", "30 minutes", null);
		UUID drill = incident("restore-drill-failed:" + instance, "critical", "The restore drill of acme-1 failed",
				"/admin/instances/" + instance, "2 hours", null);
		UUID stripe = incident("stripe-events-failed", "warning", "2 Stripe event(s) could not be applied",
				"/admin/stripe?status=failed", "10 minutes", null);
		UUID degraded = incident("instance-degraded:" + instance, "warning", "Instance acme-1 is degraded since",
				"/admin/instances/" + instance, "3 days", "2 days");
		UUID old = incident("backup-failed:" + instance, "critical", "The latest backup of acme-1 failed",
				"/admin/instances/" + instance, "12 days", "11 days");

		String page = this.client.get("/admin/incidents").body();

		String open = page.substring(page.indexOf("id=\"open-incidents\""), page.indexOf("id=\"resolved-incidents\""));
		String resolved = page.substring(page.indexOf("id=\"resolved-incidents\""));
		assertThat(open)
			.contains("The provisioner is not keeping up", "The restore drill of acme-1 failed",
					"2 Stripe event(s) could not be applied", "Restore drill failed", "Reconcile backlog stalled",
					"href=\"/admin/instances/" + instance + "\"", "href=\"/admin/stripe?status=failed\"")
			.doesNotContain(degraded.toString());
		assertThat(open.indexOf("incident-" + backlog)).isLessThan(open.indexOf("incident-" + drill));
		assertThat(open.indexOf("incident-" + drill)).isLessThan(open.indexOf("incident-" + stripe));
		assertThat(resolved)
			.contains("id=\"incident-" + degraded + "\"", "Instance degraded", "Instance acme-1 is degraded since",
					" UTC")
			.doesNotContain(old.toString());
		assertThat(page).doesNotContain("The latest backup of acme-1 failed");
		assertThat(this.client.get("/admin").body()).containsPattern("id=\"open-incident-count\"[^>]*>3<");
		String json = this.client.get("/api/admin/incidents").body();
		assertThat(json)
			.contains("\"condition\":\"Restore drill failed\"", "\"key\":\"reconcile-backlog\"", "\"resolved\":[{",
					degraded.toString())
			.doesNotContain(old.toString());
	}

	private UUID incident(String key, String severity, String summary, String page, String openedAgo,
			String resolvedAgo) {
		return this.jdbc.sql("""
				insert into mindroom.alert_incidents (alert_key, severity, summary, page, opened_at, last_seen_at,
				    resolved_at)
				values (?, ?, ?, ?, now() - cast(? as interval), now(), now() - cast(? as interval))
				returning id
				""").params(key, severity, summary, page, openedAgo, resolvedAgo).query(UUID.class).single();
	}

}
