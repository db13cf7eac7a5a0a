package com.mindroom.portal;

import java.time.Duration;
import java.util.UUID;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.mindroom.common.test.Browser;
import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal in a real headless Chromium, as a customer uses it on a local run (profile
 * {@code local}: the mailbox page, a simulated cluster), with Stripe's API and hosted
 * checkout page played by WireMock. Each flow saves screenshots to
 * {@code docs/screenshots/portal-*.png} and fails on any JavaScript error (a
 * Content-Security-Policy violation included).
 */
@FreshDatabase
@ActiveProfiles("local")
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT,
		properties = { "mindroom.cluster.simulated=true", "mindroom.stripe.secret-key=sk_test_browser" })
class PortalBrowserTests {

	private static final int PORT = TestSocketUtils.findAvailableTcpPort();

	private static final String BASE = "http://localhost:" + PORT;

	@RegisterExtension
	static final WireMockExtension stripe = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	@Autowired
	private TestDatabase database;

	private Browser browser;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("mindroom.portal.public-url", () -> BASE);
		registry.add("mindroom.stripe.api-base", stripe::baseUrl);
		// the test double of Stripe's hosted checkout is served by WireMock on its own
		// origin
		registry.add("mindroom.portal.content-security-policy",
				() -> "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
						+ "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
						+ "form-action 'self' " + stripe.baseUrl() + "; frame-ancestors 'none'");
	}

	@BeforeEach
	void start() {
		stripe.stubFor(post(urlPathEqualTo("/v1/customers"))
			.willReturn(okJson("{\"id\":\"cus_browser1\",\"object\":\"customer\"}")));
		PortalTestSupport.noCheckoutSessions(stripe);
		stripe.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).willReturn(okJson("{\"id\":\"cs_test_browser\","
				+ "\"object\":\"checkout.session\",\"url\":\"" + stripe.baseUrl() + "/pay/cs_test_browser\"}")));
		stripe.stubFor(get(urlPathEqualTo("/pay/cs_test_browser")).willReturn(aResponse()
			.withHeader("Content-Type", "text/html")
			.withBody("<!DOCTYPE html><html lang=\"en\"><head><title>Test checkout</title>"
					+ "<link rel=\"icon\" href=\"data:,\"></head><body><h1>Test checkout</h1>" + "<a id=\"pay\" href=\""
					+ BASE + "/app/checkout/success?session_id=cs_test_browser\">Pay</a>" + "</body></html>")));
		this.browser = Browser.start();
	}

	@AfterEach
	void stop() {
		this.browser.close();
	}

	private WebDriver driver() {
		return this.browser.driver();
	}

	private WebDriverWait waiting() {
		return new WebDriverWait(driver(), Duration.ofSeconds(20));
	}

	private Seeds seeds() {
		return new Seeds(this.database);
	}

	@Test
	void signUpConfirmFromTheMailboxStartFreeAndWatchTheInstanceComeUp() {
		String email = "newcomer+" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
		driver().get(BASE + "/");
		assertThat(driver().findElements(By.cssSelector(".plan-card"))).hasSize(4);
		this.browser.screenshot("portal-landing");
		driver().findElement(By.linkText("Start free")).click();
		driver().findElement(By.id("name")).sendKeys("Ada Lovelace");
		driver().findElement(By.id("email")).sendKeys(email);
		driver().findElement(By.id("password")).sendKeys("a-long-fine-password");
		driver().findElement(By.id("terms")).click();
		this.browser.screenshot("portal-signup");
		driver().findElement(By.cssSelector("form button[type=submit]")).click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Check your inbox"));

		driver().get(BASE + "/app/mailbox");
		this.browser.screenshot("portal-mailbox");
		driver().findElement(By.cssSelector("[data-template=email_confirmation] .mailbox-link")).click();
		driver().findElement(By.cssSelector("form button[type=submit]")).click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Welcome, Ada Lovelace"));
		this.browser.screenshot("portal-choose-plan");
		driver().findElement(By.cssSelector("[data-plan=free] button[type=submit]")).click();

		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("instance-card"), "Setting up"));
		assertThat(this.browser.liveText(By.cssSelector(".simulated-badge"))).isEqualTo("Simulated cluster");
		UUID accountId = seeds().jdbc()
			.sql("select id from mindroom.accounts where email = ?")
			.param(email)
			.query(UUID.class)
			.single();
		progress(accountId, "Rendering the chart for the free plan");
		progress(accountId, "Waiting for MindRoom to answer its health check");
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("instance-card"),
				"Waiting for MindRoom to answer its health check"));
		this.browser.screenshot("portal-dashboard-provisioning");
		seeds().jdbc().sql("""
				update mindroom.instances set observed_state = 'running', observed_generation = generation,
				    health_status = 'up', observed_at = now() where account_id = ?
				""").param(accountId).update();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".state-badge"), "Running"));
		assertThat(driver().findElement(By.linkText("Open MindRoom")).getAttribute("href")).startsWith("https://");
		this.browser.screenshot("portal-dashboard-running");
		this.browser.assertNoJavaScriptErrors();
	}

	private void progress(UUID accountId, String message) {
		seeds().jdbc().sql("""
				insert into mindroom.instance_events (instance_id, account_id, kind, message)
				select id, account_id, 'progress', ? from mindroom.instances where account_id = ?
				""").params(message, accountId).update();
	}

	@Test
	void choosePlanPayInCheckoutWaitWhileActivatingThenUseTheInstance() {
		Seeds.Account account = seeds().account("Grace Hopper");
		signIn(account);
		driver().get(BASE + "/app/billing?plan=starter");
		this.browser.screenshot("portal-billing");
		driver().findElement(By.cssSelector("[data-plan=starter] label[for=starter-yearly]")).click();
		driver().findElement(By.cssSelector("[data-plan=starter] .checkout-form button[type=submit]")).click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Test checkout"));
		driver().findElement(By.id("pay")).click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("activation"), "Activating…"));
		this.browser.screenshot("portal-checkout-activating");

		// what the stripe-handler (with its own database role) and the provisioner do
		// once
		// Stripe reports the subscription active
		UUID subscription = seeds().data().subscription(account.id(), "active", "starter");
		UUID instance = seeds().data().instance(account.id(), subscription, "grace");
		usage(account.id(), instance);
		uptime(instance);
		seeds().jdbc().sql("""
				update mindroom.instances set observed_state = 'running', observed_generation = generation,
				    health_status = 'up', url = 'https://' || slug || '.mindroom.localhost' where id = ?
				""").param(instance).update();
		waiting().until(ExpectedConditions.urlContains("/app?activated"));
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".state-badge"), "Running"));
		assertThat(driver().findElement(By.id("plan-title")).getText()).isEqualTo("Starter plan");
		assertThat(driver().findElement(By.id("uptime-day")).getText()).isEqualTo("95.83%");
		assertThat(driver().findElement(By.id("uptime-week")).getText()).isEqualTo("98.80%");
		assertThat(driver().findElement(By.id("uptime-month")).getText()).isEqualTo("99.72%");
		assertThat(driver().findElements(By.cssSelector("svg.chart rect.chart-bar"))).hasSize(90);
		this.browser.screenshot("portal-dashboard-paid");

		driver().findElement(By.cssSelector("[data-bs-target='#confirm-stop']")).click();
		waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#confirm-stop [data-confirm=stop]")));
		this.browser.screenshot("portal-stop-confirmation");
		driver().findElement(By.cssSelector("#confirm-stop [data-confirm=stop]")).click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"),
				"Stopping your instance"));
		assertThat(seeds().count("select count(*) from mindroom.instances where id = ? and desired_state = 'suspended'",
				instance))
			.isOne();
		this.browser.assertNoJavaScriptErrors();
	}

	private void usage(UUID accountId, UUID instance) {
		seeds().jdbc().sql("""
				insert into mindroom.usage_daily (instance_id, account_id, day, messages, active_agents, storage_bytes)
				select ?, ?, d::date, 200 + (extract(doy from d)::int * 37) % 700, 1 + (extract(doy from d)::int % 3),
				       (1.5e9 + (extract(doy from d)::int % 30) * 6e7)::bigint
				from generate_series(current_date - 29, current_date, interval '1 day') d
				""").params(instance, accountId).update();
	}

	// 12 checks an hour for 30 days, all up except two hours: 3 and 100 hours ago
	private void uptime(UUID instance) {
		seeds().jdbc().sql("""
				insert into mindroom.uptime_hourly (instance_id, account_id, hour, checks, up_checks, degraded_checks)
				select id, account_id, date_trunc('hour', now()) - make_interval(hours => ago), 12,
				       case when ago in (3, 100) then 0 else 12 end, case when ago in (3, 100) then 12 else 0 end
				from mindroom.instances, generate_series(0, 719) ago where id = ?
				""").param(instance).update();
	}

	@Test
	void downloadTheDataExportThenScheduleAndCancelTheDeletion() {
		Seeds.Account account = seeds().account("Katherine");
		seeds().data().instance(account.id(), seeds().data().subscription(account.id(), "active", "starter"), "kj");
		signIn(account);
		driver().get(BASE + "/app/settings");
		this.browser.screenshot("portal-settings");
		String href = driver().findElement(By.id("export-link")).getAttribute("href");
		Object export = ((JavascriptExecutor) driver())
			.executeAsyncScript(
					"const done = arguments[arguments.length - 1];"
							+ "fetch(arguments[0]).then((r) => r.text()).then(done, (e) => done('failed: ' + e));",
					href);
		assertThat(export).asString().contains(account.email(), "\"subscriptions\"").doesNotContain("password_hash");

		click(driver().findElement(By.linkText("Delete my account…")));
		driver().findElement(By.id("confirmation")).sendKeys(account.email());
		this.browser.screenshot("portal-delete-confirmation");
		driver().findElement(By.cssSelector("form button.btn-danger")).click();
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".deletion-scheduled")));
		this.browser.screenshot("portal-deletion-scheduled");
		click(driver().findElement(By.xpath("//button[normalize-space()='Cancel the deletion']")));
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"),
				"The deletion was cancelled"));
		assertThat(seeds().count(
				"select count(*) from mindroom.accounts where id = ? and deletion_scheduled_for is null", account.id()))
			.isOne();
		this.browser.assertNoJavaScriptErrors();
	}

	private void click(WebElement element) {
		((JavascriptExecutor) driver())
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		element.click();
	}

	private void signIn(Seeds.Account account) {
		driver().get(BASE + "/auth/login");
		driver().findElement(By.id("email")).sendKeys(account.email());
		driver().findElement(By.id("password")).sendKeys(Seeds.PASSWORD);
		driver().findElement(By.cssSelector("form button[type=submit]")).click();
		waiting().until(ExpectedConditions.urlContains("/app"));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FastHashing {

		@Bean
		PasswordEncoder passwordEncoder() {
			return new BCryptPasswordEncoder(4);
		}

	}

}
