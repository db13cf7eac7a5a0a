package com.mindroom.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import com.mindroom.common.test.Browser;
import com.mindroom.common.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The customer journey of the issue, end to end: the platform as
 * {@code scripts/run-local.sh} starts it (all five services, the Stripe simulator, the
 * simulated cluster) on a fresh database, driven through the gateway in two real headless
 * Chromium browsers, one the customer's and one the admin's. A new customer signs up,
 * confirms the email from the local mailbox, picks Starter, pays in the simulated
 * checkout and watches the instance come up (and checks the cluster); the admin enrols
 * the second factor, signs in, sees the account and an MRR of $29, suspends and resumes
 * the instance; the simulator's clock passes a failed renewal and the grace period (the
 * instance is suspended) until the payment succeeds (it runs again); the customer deletes
 * the account and, once its grace period is over, the namespace is gone and the Stripe
 * subscription canceled. No page may log a JavaScript error; each step leaves a
 * screenshot {@code docs/screenshots/e2e-NN-<step>.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerJourneyBrowserTests {

	private static final String GATEWAY = "http://localhost:8080";

	private static final String FAILING_CARD = "4000000000000341";

	private static final String GOOD_CARD = "4242424242424242";

	/**
	 * Long enough that a platform under load gets there, short enough to fail in minutes.
	 */
	private static final Duration SOON = Duration.ofSeconds(90);

	private final String email = "ada+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

	private final String password = "journey-" + UUID.randomUUID();

	private final SimulatedStripe stripe = new SimulatedStripe();

	private Path state;

	private LocalPlatform platform;

	private SimulatedKubernetes cluster;

	private Browser customer;

	private Browser admin;

	private int screenshots;

	@BeforeAll
	void startThePlatform() {
		Path repository = repositoryRoot();
		this.state = repository.resolve("e2e/target/local");
		deleteRecursively(this.state);
		String database = TestDatabases.get().createEmpty().jdbcUrl();
		// a slower simulated kubelet, so the customer can watch the progress
		this.platform = LocalPlatform.start(repository, this.state, database,
				Map.of("MINDROOM_SIMULATED_READY_DELAY", "5s"));
		this.cluster = new SimulatedKubernetes();
		this.customer = Browser.start();
		this.admin = Browser.start();
	}

	@AfterAll
	void stopThePlatform() {
		try {
			Stream.of(this.customer, this.admin, this.cluster).filter((part) -> part != null).forEach((part) -> {
				try {
					part.close();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
		}
		finally {
			if (this.platform != null) {
				this.platform.stop();
			}
		}
	}

	@Test
	void newCustomerPaysRunsIsSuspendedRecoversAndLeaves() {
		signUpAndConfirmTheEmail();
		payForStarterInTheCheckout();
		String namespace = watchTheInstanceComeUp();
		AuthenticatorApp app = enrolTheAdminsSecondFactor();
		signInAsAdminAndSeeTheBusiness(app);
		adminSuspendsAndResumesTheInstance(namespace);
		String subscription = failedRenewalAndGracePeriodSuspendTheInstance();
		paymentSucceedsAndTheInstanceRunsAgain(subscription, namespace);
		customerDeletesTheAccount();
		afterTheGracePeriodEverythingIsGone(subscription, namespace);
	}

	private void signUpAndConfirmTheEmail() {
		WebDriver driver = this.customer.driver();
		driver.get(GATEWAY + "/");
		screenshot(this.customer, "landing");
		click(driver, driver.findElement(By.cssSelector("[data-plan=starter] a")));
		waitForText(driver, By.tagName("h1"), "Create your account");
		driver.findElement(By.id("name")).sendKeys("Ada Lovelace");
		driver.findElement(By.id("email")).sendKeys(this.email);
		driver.findElement(By.id("password")).sendKeys(this.password);
		click(driver, driver.findElement(By.id("terms")));
		screenshot(this.customer, "sign-up");
		driver.findElement(By.cssSelector("main form button[type=submit]")).click();
		waitForText(driver, By.tagName("h1"), "Check your inbox");

		driver.get(GATEWAY + "/app/mailbox");
		WebElement confirmation = driver.findElement(By.cssSelector("[data-template=email_confirmation]"));
		assertThat(confirmation.getText()).contains(this.email);
		screenshot(this.customer, "mailbox");
		confirmation.findElement(By.cssSelector(".mailbox-link")).click();
		waitForText(driver, By.tagName("h1"), "Confirm your email");
		driver.findElement(By.cssSelector("main form button[type=submit]")).click();
		waitForText(driver, By.tagName("h1"), "Welcome, Ada Lovelace");
		screenshot(this.customer, "choose-plan");
		this.customer.assertNoJavaScriptErrors();
	}

	private void payForStarterInTheCheckout() {
		WebDriver driver = this.customer.driver();
		click(driver, driver.findElement(By.cssSelector("[data-plan=starter] a")));
		waitForText(driver, By.id("plans-title"), "Plans");
		screenshot(this.customer, "billing");
		click(driver, driver.findElement(By.cssSelector("[data-plan=starter] .checkout-form button[type=submit]")));

		waitFor(driver, () -> driver.getCurrentUrl().startsWith("http://127.0.0.1:8086/c/pay/"));
		assertThat(driver.findElement(By.cssSelector(".product")).getText()).isEqualTo("Subscribe to Starter monthly");
		assertThat(driver.findElement(By.id("email")).getAttribute("value")).isEqualTo(this.email);
		assertThat(driver.findElement(By.id("cardNumber")).getAttribute("value").replace(" ", "")).isEqualTo(GOOD_CARD);
		screenshot(this.customer, "checkout");
		driver.findElement(By.cssSelector("button.pay")).click();

		waitFor(driver, () -> driver.getCurrentUrl().startsWith(GATEWAY + "/app"));
		this.customer.assertNoJavaScriptErrors();
	}

	/**
	 * The activation page moves on to the dashboard by itself once Stripe's webhook is
	 * in; there the instance card shows the provisioner's progress live until it runs.
	 * @return the instance's namespace
	 */
	private String watchTheInstanceComeUp() {
		WebDriver driver = this.customer.driver();
		waitFor(driver, () -> driver.getCurrentUrl().startsWith(GATEWAY + "/app?activated"));
		waitFor(driver, () -> "Setting up".equals(text(driver, By.cssSelector("#instance-card .state-badge")))
				&& !driver.findElements(By.cssSelector("#instance-card .events .event")).isEmpty());
		assertThat(driver.findElement(By.cssSelector("#instance-card")).getText()).contains("Live progress");
		assertThat(driver.findElement(By.cssSelector(".simulated-badge")).getText()).isEqualTo("Simulated cluster");
		screenshot(this.customer, "live-progress");
		waitFor(driver, () -> "Running".equals(text(driver, By.cssSelector("#instance-card .state-badge"))));
		assertThat(driver.findElement(By.id("plan-title")).getText()).isEqualTo("Starter plan");
		assertThat(driver.findElements(By.cssSelector("#instance-card .events .event"))).hasSizeGreaterThan(1);
		screenshot(this.customer, "running");
		this.customer.assertNoJavaScriptErrors();

		String host = URI.create(driver.findElement(By.cssSelector(".instance-url")).getText()).getHost();
		String namespace = "mindroom-" + host.substring(0, host.indexOf('.'));
		this.cluster.assertInstanceObjects(namespace);
		assertThat(this.cluster.desiredReplicas(namespace)).isPositive();
		return namespace;
	}

	/**
	 * The first admin opens the one-time enrolment link run-local.sh printed and sets up
	 * an authenticator app from the key on the page.
	 * @return the admin's authenticator app
	 */
	private AuthenticatorApp enrolTheAdminsSecondFactor() {
		WebDriver driver = this.admin.driver();
		driver.get(this.platform.printed("enrolment-link"));
		driver.findElement(By.cssSelector("#enrol-start button")).click();
		waitFor(driver, () -> !driver.findElements(By.id("totp-secret")).isEmpty());
		assertThat(driver.findElement(By.cssSelector(".qr svg")).isDisplayed()).isTrue();
		screenshot(this.admin, "admin-enrolment");
		AuthenticatorApp app = new AuthenticatorApp(driver.findElement(By.id("totp-secret")).getText());
		driver.findElement(By.id("code")).sendKeys(app.nextCode());
		driver.findElement(By.cssSelector("#enrol button")).click();
		waitFor(driver, () -> !driver.findElements(By.id("recovery-codes")).isEmpty());
		assertThat(driver.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
		this.admin.assertNoJavaScriptErrors();
		return app;
	}

	private void signInAsAdminAndSeeTheBusiness(AuthenticatorApp app) {
		WebDriver driver = this.admin.driver();
		driver.get(GATEWAY + "/admin");
		waitFor(driver, () -> driver.getCurrentUrl().endsWith("/admin/login"));
		driver.findElement(By.id("email")).sendKeys(this.platform.printed("admin-email"));
		driver.findElement(By.id("password")).sendKeys(this.platform.printed("admin-password"));
		driver.findElement(By.cssSelector("#sign-in button")).click();
		waitFor(driver, () -> driver.getCurrentUrl().endsWith("/admin/login/totp"));
		driver.findElement(By.id("code")).sendKeys(app.nextCode());
		driver.findElement(By.cssSelector("#totp button")).click();
		waitFor(driver, () -> driver.getCurrentUrl().endsWith("/admin"));
		assertThat(driver.findElement(By.id("mrr")).getText()).isEqualTo("USD 29.00");
		screenshot(this.admin, "admin-overview");

		driver.get(GATEWAY + "/admin/accounts?q=" + URLEncoder.encode(this.email, StandardCharsets.UTF_8));
		driver.findElement(By.linkText(this.email)).click();
		waitFor(driver, () -> driver.getCurrentUrl().contains("/admin/accounts/"));
		assertThat(driver.findElement(By.id("subscriptions")).getText()).contains("starter", "active", "2900 usd");
		screenshot(this.admin, "admin-account");
		this.admin.assertNoJavaScriptErrors();
	}

	private void adminSuspendsAndResumesTheInstance(String namespace) {
		WebDriver driver = this.admin.driver();
		driver.findElement(By.cssSelector("#instances a")).click();
		waitFor(driver, () -> driver.getCurrentUrl().contains("/admin/instances/"));
		assertThat(driver.findElement(By.tagName("main")).getText()).contains(namespace);
		driver.findElement(By.id("suspend")).click();
		waitForText(driver, By.cssSelector(".alert-success"), "Suspend requested");
		awaitAdminSees(driver, "suspended");
		screenshot(this.admin, "admin-suspended");
		assertThat(this.cluster.desiredReplicas(namespace)).isZero();
		awaitCustomerSees("Suspended");
		screenshot(this.customer, "customer-sees-suspended");

		driver.findElement(By.id("resume")).click();
		awaitAdminSees(driver, "running");
		screenshot(this.admin, "admin-resumed");
		assertThat(this.cluster.desiredReplicas(namespace)).isPositive();
		awaitCustomerSees("Running");
		this.admin.assertNoJavaScriptErrors();
		this.customer.assertNoJavaScriptErrors();
	}

	/**
	 * The card starts failing; the renewal fails (past due: the instance keeps running
	 * through the grace period, the customer is emailed), then the grace period passes.
	 * @return the Stripe subscription
	 */
	private String failedRenewalAndGracePeriodSuspendTheInstance() {
		String customerId = this.stripe.customerId(this.email);
		String subscription = this.stripe.subscriptionId(customerId);
		this.stripe.useCard(customerId, FAILING_CARD);
		this.stripe.advanceToNextBillingWork();
		assertThat(this.stripe.subscriptionStatus(subscription)).isEqualTo("past_due");
		WebDriver driver = this.customer.driver();
		waitFor(driver, () -> {
			driver.get(GATEWAY + "/app");
			return "Payment overdue".equals(text(driver, By.id("subscription-status")));
		});
		assertThat(text(driver, By.cssSelector("#instance-card .state-badge"))).isEqualTo("Running");
		screenshot(this.customer, "payment-failed");
		driver.get(GATEWAY + "/app/mailbox");
		assertThat(driver.findElements(By.cssSelector("[data-template=payment_failed]"))).isNotEmpty();

		this.stripe.advance("169h");
		awaitCustomerSees("Suspended");
		screenshot(this.customer, "suspended-after-grace");
		this.customer.assertNoJavaScriptErrors();
		return subscription;
	}

	private void paymentSucceedsAndTheInstanceRunsAgain(String subscription, String namespace) {
		this.stripe.useCard(this.stripe.customerId(this.email), GOOD_CARD);
		assertThat(this.stripe.retryPayment(subscription)).isEqualTo("active");
		awaitCustomerSees("Running");
		assertThat(text(this.customer.driver(), By.id("subscription-status"))).isEqualTo("Active");
		screenshot(this.customer, "running-again");
		assertThat(this.cluster.desiredReplicas(namespace)).isPositive();
		this.customer.assertNoJavaScriptErrors();
	}

	private void customerDeletesTheAccount() {
		WebDriver driver = this.customer.driver();
		driver.get(GATEWAY + "/app/settings");
		click(driver, driver.findElement(By.linkText("Delete my account…")));
		driver.findElement(By.id("confirmation")).sendKeys(this.email);
		screenshot(this.customer, "delete-account");
		driver.findElement(By.cssSelector("main form button.btn-danger")).click();
		waitFor(driver, () -> !driver.findElements(By.cssSelector(".deletion-scheduled")).isEmpty());
		screenshot(this.customer, "deletion-scheduled");
		this.customer.assertNoJavaScriptErrors();
	}

	private void afterTheGracePeriodEverythingIsGone(String subscription, String namespace) {
		this.stripe.advance("169h");
		WebDriver driver = this.admin.driver();
		waitFor(driver, () -> !this.cluster.hasNamespace(namespace));
		assertThat(this.stripe.subscriptionStatus(subscription)).isEqualTo("canceled");
		driver.navigate().refresh();
		waitForText(driver, By.cssSelector("#instance-state .state"), "deleted");
		screenshot(this.admin, "admin-instance-deleted");

		WebDriver customerDriver = this.customer.driver();
		customerDriver.get(GATEWAY + "/app");
		waitFor(customerDriver, () -> customerDriver.getCurrentUrl().contains("/auth/login"));
		screenshot(this.customer, "customer-signed-out");
		this.admin.assertNoJavaScriptErrors();
		this.customer.assertNoJavaScriptErrors();
	}

	/**
	 * Waits until the admin's instance page (which refreshes its state by itself) shows
	 * the provisioner has reached the state.
	 */
	private void awaitAdminSees(WebDriver driver, String state) {
		waitFor(driver,
				() -> state.equals(text(driver, By.id("desired-state")))
						&& "settled".equals(text(driver, By.id("settled")))
						&& state.equals(text(driver, By.cssSelector("#instance-state .state"))));
	}

	/**
	 * Waits until the customer's dashboard, reloaded as a customer would, shows the
	 * state.
	 */
	private void awaitCustomerSees(String label) {
		WebDriver driver = this.customer.driver();
		waitFor(driver, () -> {
			driver.get(GATEWAY + "/app");
			return label.equals(text(driver, By.cssSelector("#instance-card .state-badge")));
		});
	}

	/**
	 * Waits for a condition; on time-out the failure says where the browser was and what
	 * it showed.
	 */
	private static void waitFor(WebDriver driver, Callable<Boolean> condition) {
		try {
			await().atMost(SOON).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(condition);
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError(ex.getMessage() + "; the browser is at " + driver.getCurrentUrl() + " showing:\n"
					+ text(driver, By.tagName("body")), ex);
		}
	}

	private static void waitForText(WebDriver driver, By element, String expected) {
		waitFor(driver, () -> text(driver, element).contains(expected));
	}

	private static String text(WebDriver driver, By element) {
		List<WebElement> found = driver.findElements(element);
		return found.isEmpty() ? "" : found.get(0).getText().trim();
	}

	private static void click(WebDriver driver, WebElement element) {
		((JavascriptExecutor) driver)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		element.click();
	}

	private void screenshot(Browser browser, String step) {
		this.screenshots++;
		browser.screenshot(String.format("e2e-%02d-%s", this.screenshots, step));
	}

	private static Path repositoryRoot() {
		Path directory = Path.of("").toAbsolutePath();
		while (!Files.exists(directory.resolve("scripts/run-local.sh"))) {
			directory = directory.getParent();
			assertThat(directory).as("the repository root above the working directory").isNotNull();
		}
		return directory;
	}

	private static void deleteRecursively(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
