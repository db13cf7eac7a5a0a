package com.mindroom.portal;

import java.net.HttpCookie;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestDatabase;
import com.mindroom.portal.PortalClient.Response;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages over real HTTP (cookies, Spring Session in PostgreSQL, CSRF) with the
 * built-in identity: sign-up and confirmation, sign-in and its throttle, redirects, the
 * Free plan and instance actions, settings, export and deletion, refused accounts.
 */
@FreshDatabase
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "mindroom.identity.throttle.per-email=3", "mindroom.portal.public-url=http://portal.test" })
class PortalPagesIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestDatabase database;

	private Seeds seeds() {
		return new Seeds(this.database);
	}

	@Test
	void landingShowsThePlansOfTheCatalogUnderTheContentSecurityPolicy() {
		Response landing = new PortalClient(this.port).get("/");
		assertThat(landing.status()).isEqualTo(200);
		assertThat(landing.body()).contains("Free", "Starter", "$29", "Professional", "$99", "Enterprise", "Custom",
				"/webjars/htmx.org/dist/htmx.min.js");
		assertThat(landing.header("Content-Security-Policy")).contains("script-src 'self'");
		assertThat(landing.body()).doesNotContain("<script>").doesNotContain("onclick=").doesNotContain("style=\"");
	}

	@Test
	void staticAssetsAndWebjarsAreServed() {
		PortalClient client = new PortalClient(this.port);
		assertThat(client.get("/webjars/bootstrap/dist/css/bootstrap.min.css").status()).isEqualTo(200);
		assertThat(client.get("/webjars/htmx.org/dist/htmx.min.js").status()).isEqualTo(200);
		assertThat(client.get("/css/portal.css").status()).isEqualTo(200);
		assertThat(client.get("/js/portal.js").body()).contains("htmx:configRequest");
	}

	@Test
	void signUpAsksToConfirmWhetherOrNotTheEmailHasAnAccount() {
		String email = "newcomer+" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
		PortalClient client = new PortalClient(this.port);
		client.get("/auth/signup");
		Map<String, String> form = Map.of("name", "Ada", "email", email, "password", "a-long-fine-password", "terms",
				"true");
		Response first = client.post("/auth/signup", form);
		Response second = client.post("/auth/signup", form);
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.body()).contains("Check your inbox");
		assertThat(second.body()).contains("Check your inbox");
		assertThat(seeds().link(email, "email_confirmation")).startsWith("http://portal.test/auth/confirm?token=");
		assertThat(seeds().count("select count(*) from mindroom.notification_outbox where recipient = ? "
				+ "and template = 'account_exists'", email))
			.isOne();
	}

	@Test
	void signUpRefusesBadInputAndCreatesNothing() {
		PortalClient client = new PortalClient(this.port);
		client.get("/auth/signup");
		String email = "bad+" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
		Response weak = client.post("/auth/signup", Map.of("email", email, "password", "short", "terms", "true"));
		Response invalid = client.post("/auth/signup",
				Map.of("email", "not-an-email", "password", "a-long-fine-password", "terms", "true"));
		Response noTerms = client.post("/auth/signup", Map.of("email", email, "password", "a-long-fine-password"));
		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.body()).contains("Use at least 10 characters.");
		assertThat(invalid.body()).contains("Enter a valid email address.");
		assertThat(noTerms.body()).contains("Accept the terms of service");
		assertThat(seeds().count("select count(*) from mindroom.accounts where email = ?", email)).isZero();
	}

	@Test
	void formsWithoutTheCsrfTokenAreRefused() {
		Seeds.Account account = seeds().account("csrf");
		PortalClient client = new PortalClient(this.port);
		client.get("/auth/login");
		Response response = client.post("/auth/login",
				Map.of("_csrf", "", "email", account.email(), "password", Seeds.PASSWORD));
		assertThat(response.status()).isEqualTo(403);
		PortalClient signedIn = PortalTestSupport.signedIn(this.port, account);
		assertThat(signedIn.post("/app/settings/profile", Map.of("_csrf", "", "name", "Mallory")).status())
			.isEqualTo(403);
		assertThat(signedIn.post("/app/settings/profile", Map.of("_csrf", "forged", "name", "Mallory")).status())
			.isEqualTo(403);
	}

	@Test
	void confirmingTheEmailSignsInWithAFreshSessionCookie() {
		String email = "confirm+" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
		PortalClient client = new PortalClient(this.port);
		client.get("/auth/signup");
		client.post("/auth/signup",
				Map.of("name", "Grace", "email", email, "password", "a-long-fine-password", "terms", "true"));
		String before = client.cookie("SESSION").map(HttpCookie::getValue).orElseThrow();
		String path = seeds().link(email, "email_confirmation").replace("http://portal.test", "");
		assertThat(client.get(path).body()).contains("Confirm and sign in");
		Response confirmed = client.post("/auth/confirm", Map.of("token", path.substring(path.indexOf('=') + 1)));
		assertThat(confirmed.location()).isEqualTo("/app?welcome");
		assertThat(confirmed.header("Set-Cookie")).contains("HttpOnly")
			.contains("SameSite=Lax")
			.doesNotContain("Domain");
		assertThat(client.cookie("SESSION").map(HttpCookie::getValue).orElseThrow()).isNotEqualTo(before);
		assertThat(client.get("/app").body()).contains("Choose a plan", "Welcome, Grace");
		assertThat(seeds().count("select count(*) from mindroom.accounts where email = ? "
				+ "and consent_terms_at is not null and email_verified_at is not null", email))
			.isOne();
		assertThat(seeds().count("select count(*) from mindroom.spring_session where principal_name = "
				+ "(select id::text from mindroom.accounts where email = ?)", email))
			.isOne();
	}

	@Test
	void wrongPasswordsSayTheSameForAnyEmailAndLockOutInTheDatabase() {
		Seeds.Account account = seeds().account("locked");
		PortalClient client = new PortalClient(this.port);
		client.get("/auth/login");
		Response unknown = client.post("/auth/login",
				Map.of("email", "nobody@example.com", "password", "whatever-123"));
		Response wrong = client.post("/auth/login", Map.of("email", account.email(), "password", "whatever-123"));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body()).contains("The email or password is incorrect.");
		assertThat(wrong.body()).contains("The email or password is incorrect.");
		client.post("/auth/login", Map.of("email", account.email(), "password", "whatever-123"));
		client.post("/auth/login", Map.of("email", account.email(), "password", "whatever-123"));
		Response locked = client.post("/auth/login", Map.of("email", account.email(), "password", Seeds.PASSWORD));
		assertThat(locked.status()).isEqualTo(429);
		assertThat(locked.body()).contains("Too many failed sign-in attempts");
		assertThat(seeds().count("select count(*) from mindroom.login_throttle where locked_until > now()")).isOne();
	}

	@Test
	void signInRedirectsOnlyToPagesOfThePortal() {
		Seeds.Account account = seeds().account("redirect");
		for (String[] pair : new String[][] { { "/app/billing", "/app/billing" }, { "//evil.example/app", "/app" },
				{ "https://evil.example", "/app" }, { "/app/../admin", "/app" }, { "/\\evil.example", "/app" } }) {
			PortalClient client = new PortalClient(this.port);
			client.get("/auth/login");
			Response response = client.post("/auth/login",
					Map.of("email", account.email(), "password", Seeds.PASSWORD, "next", pair[0]));
			assertThat(response.location()).as(pair[0]).isEqualTo(pair[1]);
		}
	}

	@Test
	void pagesNeedSignInAndRememberWhereTheVisitorWasGoing() {
		Response response = new PortalClient(this.port).get("/app/billing");
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.location()).isEqualTo("/auth/login?next=%2Fapp%2Fbilling");
	}

	@Test
	void signingOutEndsTheSessionAndRevokesTheRefreshToken() {
		Seeds.Account account = seeds().account("leaving");
		PortalClient client = PortalTestSupport.signedIn(this.port, account);
		client.get("/app");
		Response out = client.post("/auth/logout", Map.of());
		assertThat(out.location()).isEqualTo("/auth/login?signedout");
		assertThat(client.get("/app").status()).isEqualTo(302);
		assertThat(seeds().count("select count(*) from mindroom.account_tokens where account_id = ? "
				+ "and purpose = 'refresh' and used_at is null", account.id()))
			.isZero();
	}

	@Test
	void freePlanGetsAnInstanceWhoseProgressIsPolledUntilItRuns() {
		Seeds.Account account = seeds().account("freebie");
		PortalClient client = PortalTestSupport.signedIn(this.port, account);
		client.get("/app");
		Response started = client.post("/app/billing/checkout", Map.of("plan", "free"));
		assertThat(started.location()).isEqualTo("/app");
		assertThat(seeds().count("select count(*) from mindroom.subscriptions where account_id = ? and plan = 'free' "
				+ "and stripe_subscription_id is null", account.id()))
			.isOne();
		client.post("/app/billing/checkout", Map.of("plan", "free"));
		assertThat(seeds().count(
				"select count(*) from mindroom.instances where account_id = ? " + "and desired_state = 'running'",
				account.id()))
			.isOne();
		Response dashboard = client.get("/app");
		assertThat(dashboard.body()).contains("Setting up", "hx-trigger=\"every 2s\"", "Free plan",
				"100 messages a day", "id=\"uptime-day\">no data<");
		seeds().jdbc().sql("""
				insert into mindroom.instance_events (instance_id, account_id, kind, message)
				select id, account_id, 'progress', 'Creating the namespace' from mindroom.instances where account_id = ?
				""").param(account.id()).update();
		assertThat(client.get("/app/instance/card").body()).contains("Creating the namespace", "every 2s");
		seeds().jdbc().sql("""
				update mindroom.instances set observed_state = 'running', observed_generation = generation,
				    health_status = 'up' where account_id = ?
				""").param(account.id()).update();
		Response card = client.get("/app/instance/card");
		assertThat(card.body()).contains("Running", "Open MindRoom").doesNotContain("every 2s");
	}

	@Test
	void instanceActionsAskTheLifecycleAndNeverReachAnotherAccountsInstance() {
		Seeds.Account owner = seeds().account("owner");
		Seeds.Account other = seeds().account("other");
		UUID instance = seeds().data()
			.instance(owner.id(), seeds().data().subscription(owner.id(), "active", "starter"), "owner");
		UUID foreign = seeds().data()
			.instance(other.id(), seeds().data().subscription(other.id(), "active", "starter"), "other");
		PortalClient client = PortalTestSupport.signedIn(this.port, owner);
		client.get("/app");
		assertThat(client.post("/app/instances/" + instance + "/stop", Map.of()).location()).isEqualTo("/app");
		assertThat(seeds().count("select count(*) from mindroom.instances where id = ? and desired_state = 'suspended' "
				+ "and stopped_by_customer", instance))
			.isOne();
		assertThat(client.get("/app").body()).contains("Stopping your instance. Your data is kept.");
		client.post("/app/instances/" + instance + "/start", Map.of());
		assertThat(seeds().count("select count(*) from mindroom.instances where id = ? and desired_state = 'running'",
				instance))
			.isOne();
		Response foreignStop = client.post("/app/instances/" + foreign + "/stop", Map.of());
		assertThat(foreignStop.status()).isEqualTo(404);
		assertThat(foreignStop.body()).contains("No such instance.");
		assertThat(seeds().count("select count(*) from mindroom.instances where id = ? and desired_state = 'running'",
				foreign))
			.isOne();
		assertThat(seeds().count("select count(*) from mindroom.audit_log where account_id = ? "
				+ "and action in ('instance.stop', 'instance.start')", owner.id()))
			.isEqualTo(2);
	}

	@Test
	void startingWithoutAnEntitledSubscriptionExplainsWhy() {
		Seeds.Account account = seeds().account("unpaid");
		UUID subscription = seeds().data().subscription(account.id(), "unpaid", "starter");
		UUID instance = seeds().data().instance(account.id(), subscription, "unpaid");
		seeds().jdbc()
			.sql("update mindroom.instances set stopped_by_customer = true, desired_state = 'suspended' where id = ?")
			.param(instance)
			.update();
		PortalClient client = PortalTestSupport.signedIn(this.port, account);
		client.get("/app");
		client.post("/app/instances/" + instance + "/start", Map.of());
		assertThat(client.get("/app").body()).contains("Your subscription does not allow the instance to run");
		assertThat(
				seeds().count("select count(*) from mindroom.instances where id = ? and stopped_by_customer", instance))
			.isOne();
	}

	@Test
	void suspendedAccountsAreSignedOutOnTheirNextRequest() {
		Seeds.Account account = seeds().account("suspended");
		PortalClient client = PortalTestSupport.signedIn(this.port, account);
		assertThat(client.get("/app").status()).isEqualTo(200);
		seeds().jdbc()
			.sql("update mindroom.accounts set status = 'suspended' where id = ?")
			.param(account.id())
			.update();
		Response refused = client.get("/app");
		assertThat(refused.location()).isEqualTo("/auth/login?ended");
		assertThat(client.get("/app").location()).startsWith("/auth/login");
		PortalClient again = new PortalClient(this.port);
		again.get("/auth/login");
		assertThat(again.post("/auth/login", Map.of("email", account.email(), "password", Seeds.PASSWORD)).body())
			.contains("This account is not active.");
	}

	@Test
	void settingsSaveNameConsentsAndPassword() {
		Seeds.Account account = seeds().account("settler");
		PortalClient client = PortalTestSupport.signedIn(this.port, account);
		client.get("/app/settings");
		client.post("/app/settings/profile", Map.of("name", "Ada Lovelace"));
		assertThat(client.get("/app/settings").body()).contains("Your name was saved.");
		client.post("/app/settings/consents", Map.of("productUpdates", "true"));
		assertThat(client.get("/app/settings").body()).contains("Your email preferences were saved.", "Ada Lovelace");
		assertThat(seeds().count("select count(*) from mindroom.accounts where id = ? and name = 'Ada Lovelace' "
				+ "and consent_product_updates and not consent_marketing", account.id()))
			.isOne();
		client.post("/app/settings/password", Map.of("current", "not-my-password", "password", "another-long-one"));
		assertThat(client.get("/app/settings").body()).contains("Your current password is not correct.");
		client.post("/app/settings/password", Map.of("current", Seeds.PASSWORD, "password", "another-long-one"));
		assertThat(client.get("/app/settings").body()).contains("Your password was changed.");
		PortalClient fresh = new PortalClient(this.port);
		fresh.get("/auth/login");
		assertThat(fresh.post("/auth/login", Map.of("email", account.email(), "password", "another-long-one")).status())
			.isEqualTo(302);
	}

	@Test
	void exportDownloadsEverythingAboutTheCallerWithoutSecrets() {
		Seeds.Account account = seeds().account("exporter");
		Seeds.Account other = seeds().account("stranger");
		seeds().data().instance(account.id(), seeds().data().subscription(account.id(), "active", "starter"), "exp");
		seeds().data().subscription(other.id(), "active", "professional");
		PortalClient client = PortalTestSupport.signedIn(this.port, account);
		Response export = client.get("/app/settings/export");
		assertThat(export.status()).isEqualTo(200);
		assertThat(export.header("Content-Disposition")).contains("attachment")
			.contains("mindroom-account-export.json");
		assertThat(export.body()).contains(account.email(), "\"subscriptions\"", "\"starter\"", "\"instances\"",
				"\"audit_log\"", "auth.sign_in", "\"usage_daily\"", "\"invoices\"");
		assertThat(export.body()).doesNotContain("password_hash", "$2a$", "professional", other.email(), "token=",
				"admin_totp");
	}

	@Test
	void deletionTakesTwoStepsAndCanBeCancelled() {
		Seeds.Account account = seeds().account("deleter");
		seeds().data().instance(account.id(), seeds().data().subscription(account.id(), "active", "starter"), "del");
		PortalClient client = PortalTestSupport.signedIn(this.port, account);
		assertThat(client.get("/app/settings/delete").body()).contains("Type your email address");
		Response wrong = client.post("/app/settings/delete", Map.of("confirmation", "nope"));
		assertThat(wrong.location()).isEqualTo("/app/settings/delete");
		assertThat(seeds().count(
				"select count(*) from mindroom.accounts where id = ? and deletion_scheduled_for " + "is not null",
				account.id()))
			.isZero();
		client.get("/app/settings/delete");
		client.post("/app/settings/delete", Map.of("confirmation", account.email().toUpperCase()));
		assertThat(seeds().count(
				"select count(*) from mindroom.accounts where id = ? and deletion_scheduled_for "
						+ "between now() + interval '6 days 23 hours' and now() + interval '7 days 1 hour'",
				account.id()))
			.isOne();
		assertThat(seeds().count(
				"select count(*) from mindroom.instances where account_id = ? " + "and desired_review_at is not null",
				account.id()))
			.isOne();
		assertThat(seeds().count("select count(*) from mindroom.notification_outbox where account_id = ? "
				+ "and template = 'deletion_scheduled'", account.id()))
			.isOne();
		assertThat(client.get("/app/settings").body()).contains("scheduled for deletion", "Cancel the deletion");
		client.post("/app/settings/delete/cancel", Map.of());
		assertThat(seeds().count("select count(*) from mindroom.accounts where id = ? and deletion_requested_at "
				+ "is null and deletion_scheduled_for is null", account.id()))
			.isOne();
		assertThat(client.get("/app/settings").body()).contains("The deletion was cancelled");
	}

	@Test
	void passwordResetLinkSetsANewPasswordAndSignsIn() {
		Seeds.Account account = seeds().account("forgetful");
		PortalClient client = new PortalClient(this.port);
		client.get("/auth/forgot");
		assertThat(client.post("/auth/forgot", Map.of("email", account.email())).body())
			.contains("If an account uses that email");
		assertThat(client.post("/auth/forgot", Map.of("email", "nobody@example.com")).body())
			.contains("If an account uses that email");
		String path = seeds().link(account.email(), "password_reset").replace("http://portal.test", "");
		client.get(path);
		Response weak = client.post("/auth/reset",
				Map.of("token", path.substring(path.indexOf('=') + 1), "password", "short"));
		assertThat(weak.body()).contains("Use at least 10 characters.");
		Response reset = client.post("/auth/reset",
				Map.of("token", path.substring(path.indexOf('=') + 1), "password", "a-brand-new-password"));
		assertThat(reset.location()).isEqualTo("/app?reset");
		assertThat(client.get("/app").status()).isEqualTo(200);
	}

	@Test
	void unknownPagesAnswerAReadableNotFound() {
		Seeds.Account account = seeds().account("lost");
		PortalClient client = PortalTestSupport.signedIn(this.port, account);
		Response response = client.get("/app/instances/" + UUID.randomUUID() + "/nothing");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.body()).contains("We could not find that page.");
	}

	@Test
	void reportsUpWithLivenessAndReadinessGroupsAndMetrics() {
		PortalClient client = new PortalClient(this.port);
		for (String path : new String[] { "/actuator/health", "/actuator/health/liveness",
				"/actuator/health/readiness" }) {
			assertThat(client.get(path).body()).as(path).contains("\"status\":\"UP\"");
		}
		assertThat(client.get("/actuator/prometheus").body()).contains("application=\"customer-portal\"");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FastHashing {

		@Bean
		PasswordEncoder passwordEncoder() {
			return new BCryptPasswordEncoder(4);
		}

	}

}
