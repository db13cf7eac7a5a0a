package com.mindroom.common.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) for
 * browser tests, with the flags this machine needs, a fresh profile under
 * {@code target/}, JavaScript error collection and screenshots saved to
 * {@code docs/screenshots/}.
 */
public final class Browser implements AutoCloseable {

	private final ChromeDriver driver;

	private Browser(ChromeDriver driver) {
		this.driver = driver;
	}

	/**
	 * Starts a headless Chromium.
	 * @return the browser
	 */
	public static Browser start() {
		System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
				"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--window-size=1280,900", "--user-data-dir=" + profileDirectory());
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriver driver = new ChromeDriver(options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return new Browser(driver);
	}

	public WebDriver driver() {
		return this.driver;
	}

	/**
	 * The text of an element in a region htmx keeps swapping (a polled card): a lookup
	 * can race a swap and leave a stale reference, so this reads again until a read lands
	 * on the current element.
	 * @param locator the element
	 * @return its text
	 */
	public String liveText(By locator) {
		return await().atMost(Duration.ofSeconds(5))
			.ignoreException(StaleElementReferenceException.class)
			.until(() -> this.driver.findElement(locator).getText(), (text) -> true);
	}

	/**
	 * Fails when the pages loaded so far logged a JavaScript error (severe console
	 * entries).
	 */
	public void assertNoJavaScriptErrors() {
		List<LogEntry> severe = this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.toList();
		assertThat(severe).as("JavaScript errors").isEmpty();
	}

	/**
	 * Saves a screenshot of the current page as {@code docs/screenshots/<name>.png} in
	 * the repository.
	 * @param name the file name without extension
	 * @return the file written
	 */
	public Path screenshot(String name) {
		try {
			Path directory = Repository.root().resolve("docs/screenshots");
			Files.createDirectories(directory);
			Path file = directory.resolve(name + ".png");
			Files.write(file, ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.driver.quit();
	}

	private static Path profileDirectory() {
		try {
			Path target = Path.of("target");
			Files.createDirectories(target);
			return Files.createTempDirectory(target.toAbsolutePath(), "chromium-profile-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
