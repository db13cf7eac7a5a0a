package com.mindroom.admin;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;

import com.mindroom.admin.support.AdminIntegrationTest;
import com.mindroom.admin.support.TestAdmins;
import com.mindroom.admin.support.TestAdmins.User;
import com.mindroom.common.test.Browser;
import com.mindroom.common.test.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard in a real headless Chromium, under its strict content security policy:
 * sign-in with the TOTP code, first sign-in enrolment, the overview and its open alert
 * incidents, an instance action whose effect appears without a reload, and the audit log.
 * Screenshots go to {@code docs/screenshots/admin-*.png}.
 */
@AdminIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminBrowserTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestDatabase database;

	private TestAdmins admins;

	private JdbcClient jdbc;

	private Browser browser;

	private User admin;

	private UUID instance;

	@BeforeAll
	void start() {
		this.admins = new TestAdmins(this.database.dataSource());
		this.jdbc = this.admins.jdbc();
		this.admin = this.admins.admin("ops");
		this.instance = seedBusiness();
		this.browser = Browser.start();
	}

	@AfterAll
	void stop() {
		this.browser.close();
	}

	@Test
	void signsInWithPasswordAndTotpThenShowsTheOverview() {
		WebDriver driver = this.browser.driver();
		driver.manage().deleteAllCookies();
		driver.get(url("/admin"));
		waitForPath(driver, "/admin/login");
		driver.findElement(By.id("email")).sendKeys(this.admin.email());
		driver.findElement(By.id("password")).sendKeys(TestAdmins.PASSWORD);
		this.browser.screenshot("admin-sign-in");
		driver.findElement(By.cssSelector("#sign-in button")).click();
		waitForPath(driver, "/admin/login/totp");
		driver.findElement(By.id("code")).sendKeys(this.admins.freshCode(this.admin));
		this.browser.screenshot("admin-sign-in-totp");
		driver.findElement(By.cssSelector("#totp button")).click();
		waitForPath(driver, "/admin");
		assertThat(driver.findElement(By.id("mrr")).getText()).isEqualTo("USD 186.00");
		assertThat(driver.findElement(By.id("simulated-cluster")).isDisplayed()).isTrue();
		assertThat(driver.findElements(By.cssSelector("#state-chart svg rect"))).isNotEmpty();
		assertThat(driver.findElement(By.id("troubled")).getText()).contains("ImagePullBackOff");
		assertThat(driver.findElement(By.id("fleet-uptime-day")).getText()).isEqualTo("97.91%");
		assertThat(driver.findElement(By.id("fleet-uptime-week")).getText()).isEqualTo("98.95%");
		assertThat(driver.findElement(By.id("fleet-uptime-month")).getText()).isEqualTo("99.73%");
		assertThat(driver.findElement(By.id("open-incident-count")).getText()).isEqualTo("1");
		this.browser.screenshot("admin-overview");
		driver.findElement(By.id("open-incident-count")).click();
		waitForPath(driver, "/admin/incidents");
		assertThat(driver.findElement(By.id("open-incidents")).getText()).contains("critical")
			.contains("Instance in error")
			.contains("Instance hooli is in error since");
		assertThat(driver.findElement(By.id("resolved-incidents")).getText()).contains("Backup failed")
			.contains("The latest backup of acme failed");
		this.browser.screenshot("admin-incidents");
		this.browser.assertNoJavaScriptErrors();
	}

	@Test
	void enrolsTheSecondFactorAtFirstSignIn() {
		User newcomer = this.admins.unenrolledAdmin("newcomer");
		WebDriver driver = this.browser.driver();
		driver.manage().deleteAllCookies();
		driver.get(url("/admin/login"));
		driver.findElement(By.id("email")).sendKeys(newcomer.email());
		driver.findElement(By.id("password")).sendKeys(TestAdmins.PASSWORD);
		driver.findElement(By.cssSelector("#sign-in button")).click();
		waitForPath(driver, "/admin/enrol");
		assertThat(driver.findElement(By.cssSelector(".qr svg")).isDisplayed()).isTrue();
		this.browser.screenshot("admin-enrolment");
		byte[] secret = new org.apache.commons.codec.binary.Base32()
			.decode(driver.findElement(By.id("totp-secret")).getText().replace(" ", ""));
		driver.findElement(By.id("code")).sendKeys(this.admins.code(secret));
		driver.findElement(By.cssSelector("#enrol button")).click();
		await().atMost(Duration.ofSeconds(10)).until(() -> !driver.findElements(By.id("recovery-codes")).isEmpty());
		assertThat(driver.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
		this.browser.screenshot("admin-recovery-codes");
		this.browser.assertNoJavaScriptErrors();
	}

	@Test
	void anInstanceActionShowsItsEffectLiveAndLandsInTheAuditLog() {
		WebDriver driver = signedIn();
		driver.get(url("/admin/instances/" + this.instance));
		assertThat(driver.findElement(By.id("desired-state")).getText()).isEqualTo("running");
		assertThat(driver.findElement(By.id("uptime-day")).getText()).isEqualTo("95.83%");
		assertThat(driver.findElement(By.id("uptime-week")).getText()).isEqualTo("98.80%");
		assertThat(driver.findElement(By.id("uptime-month")).getText()).isEqualTo("99.72%");
		driver.findElement(By.id("suspend")).click();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> !driver.findElements(By.cssSelector(".alert-success")).isEmpty());
		assertThat(driver.findElement(By.cssSelector(".alert-success")).getText()).contains("Suspend requested");
		assertThat(this.browser.liveText(By.id("desired-state"))).isEqualTo("suspended");
		assertThat(this.browser.liveText(By.id("settled"))).isEqualTo("the provisioner is working on it");
		this.jdbc.sql("""
				update mindroom.instances set observed_state = 'suspended', observed_generation = generation,
				    observed_at = now() where id = ?
				""").param(this.instance).update();
		await().atMost(Duration.ofSeconds(15))
			.ignoreException(StaleElementReferenceException.class)
			.until(() -> "settled".equals(driver.findElement(By.id("settled")).getText()));
		assertThat(this.browser.liveText(By.cssSelector("#instance-state .state"))).isEqualTo("suspended");
		this.browser.screenshot("admin-instance-action");
		driver.get(url("/admin/audit?action=instance"));
		waitForPath(driver, "/admin/audit?action=instance");
		assertThat(driver.findElement(By.id("audit")).getText()).contains("instance.suspend")
			.contains(this.admin.email());
		this.browser.screenshot("admin-audit-log");
		this.browser.assertNoJavaScriptErrors();
	}

	private WebDriver signedIn() {
		WebDriver driver = this.browser.driver();
		driver.manage().deleteAllCookies();
		driver.get(url("/admin/login"));
		driver.findElement(By.id("email")).sendKeys(this.admin.email());
		driver.findElement(By.id("password")).sendKeys(TestAdmins.PASSWORD);
		driver.findElement(By.cssSelector("#sign-in button")).click();
		waitForPath(driver, "/admin/login/totp");
		driver.findElement(By.id("code")).sendKeys(this.admins.freshCode(this.admin));
		driver.findElement(By.cssSelector("#totp button")).click();
		waitForPath(driver, "/admin");
		return driver;
	}

	private UUID seedBusiness() {
		UUID running = null;
		String[][] tenants = { { "acme", "active", "starter" }, { "globex", "active", "professional" },
				{ "initech", "trialing", "professional" }, { "umbrella", "past_due", "starter" } };
		for (String[] tenant : tenants) {
			UUID account = this.admins.data().account(tenant[0]);
			UUID subscription = this.admins.data().subscription(account, tenant[1], tenant[2]);
			UUID id = this.admins.data().instance(account, subscription, tenant[0]);
			this.jdbc
				.sql("update mindroom.instances set observed_state = 'running', observed_generation = generation "
						+ "where id = ?")
				.param(id)
				.update();
			running = (running == null) ? id : running;
		}
		// acme is checked for 30 days and was down 3 and 100 hours ago; globex for a day,
		// always up
		uptime(running, 720, "3, 100");
		uptime(this.jdbc.sql("select id from mindroom.instances where slug like 'globex-%'").query(UUID.class).single(),
				24, "-1");
		this.jdbc.sql("update mindroom.subscriptions set unit_amount = 9900 where plan = 'professional'").update();
		UUID broken = this.admins.data().account("hooli");
		UUID instance = this.admins.data()
			.instance(broken, this.admins.data().subscription(broken, "active", "starter"), "hooli");
		this.jdbc
			.sql("update mindroom.instances set observed_state = 'error', last_error = 'ImagePullBackOff' "
					+ "where id = ?")
			.param(instance)
			.update();
		this.jdbc
			.sql("""
					insert into mindroom.alert_incidents (alert_key, severity, summary, page, opened_at, resolved_at) values
					    (?, 'critical', 'Instance hooli is in error since 2026-03-10 10:00 UTC', ?, now() - interval '1 hour', null),
					    (?, 'critical', 'The latest backup of acme failed', ?, now() - interval '2 days', now() - interval '1 day')
					""")
			.params("instance-error:" + instance, "/admin/instances/" + instance, "backup-failed:" + running,
					"/admin/instances/" + running)
			.update();
		return running;
	}

	private void uptime(UUID instance, int hours, String hoursDown) {
		this.jdbc.sql("""
				insert into mindroom.uptime_hourly (instance_id, account_id, hour, checks, up_checks, degraded_checks)
				select id, account_id, date_trunc('hour', now()) - make_interval(hours => ago), 12,
				       case when ago in (%1$s) then 0 else 12 end, case when ago in (%1$s) then 12 else 0 end
				from mindroom.instances, generate_series(0, ? - 1) ago where id = ?
				""".formatted(hoursDown)).params(hours, instance).update();
	}

	private static void waitForPath(WebDriver driver, String suffix) {
		await().atMost(Duration.ofSeconds(10)).until(() -> driver.getCurrentUrl().endsWith(suffix));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
