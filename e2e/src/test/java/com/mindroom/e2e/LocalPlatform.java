package com.mindroom.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole platform as a newcomer starts it: {@code scripts/run-local.sh} as a
 * subprocess, on a database of its own and with its state (secrets, logs) under
 * {@code target/}. It never builds: the jars the reactor has just packaged must look
 * fresh to the script ({@code MINDROOM_LOCAL_BUILD=never} makes it fail otherwise).
 * {@link #stop()} sends SIGTERM, as Ctrl-C would, and checks that everything the script
 * started is gone.
 */
final class LocalPlatform {

	/**
	 * Every port the local run listens on: the five services (and the gateway's
	 * management port), the simulator, the cluster.
	 */
	static final List<Integer> PORTS = List.of(8080, 8180, 8081, 8082, 8083, 8084, 8086, 8090);

	/**
	 * Settings in a developer's or CI's environment that would make the run use real
	 * parts.
	 */
	private static final List<String> REAL_PARTS = List.of("STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET",
			"STRIPE_API_BASE", "SUPABASE_URL", "SUPABASE_ANON_KEY", "KUBECONFIG", "MINDROOM_KUBERNETES_MODE",
			"MINDROOM_PUBLIC_URL", "SPRING_MAIL_HOST", "MINDROOM_JWT_SECRET", "MINDROOM_ENCRYPTION_KEY");

	private static final Pattern RUNNING = Pattern.compile("^MindRoom Cloud is running at (\\S+)$", Pattern.MULTILINE);

	private final Process process;

	private final Path output;

	private LocalPlatform(Process process, Path output) {
		this.process = process;
		this.output = output;
	}

	/**
	 * Runs {@code scripts/run-local.sh} and waits until it says the platform is running.
	 * @param repository the repository root
	 * @param state the directory for the run's secrets and logs
	 * ({@code MINDROOM_LOCAL_DIR})
	 * @param databaseUrl the JDBC URL of an empty database ({@code MINDROOM_DB_URL})
	 * @param settings further environment variables
	 * @return the running platform
	 */
	static LocalPlatform start(Path repository, Path state, String databaseUrl, Map<String, String> settings) {
		PORTS.forEach((port) -> assertThat(listening(port))
			.as("port %d is free (stop any other local run of the platform first)", port)
			.isFalse());
		try {
			Files.createDirectories(state);
			Path output = state.resolve("run-local.out");
			ProcessBuilder builder = new ProcessBuilder("bash", "scripts/run-local.sh").directory(repository.toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile());
			Map<String, String> environment = builder.environment();
			REAL_PARTS.forEach(environment::remove);
			environment.put("MINDROOM_LOCAL_DIR", state.toString());
			environment.put("MINDROOM_DB_URL", databaseUrl);
			environment.put("MINDROOM_LOCAL_BUILD", "never");
			environment.putAll(settings);
			LocalPlatform platform = new LocalPlatform(builder.start(), output);
			Runtime.getRuntime().addShutdownHook(new Thread(platform::kill, "stop-local-platform"));
			platform.awaitRunning();
			return platform;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitRunning() {
		await("run-local.sh to say the platform is running").atMost(Duration.ofMinutes(5))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> {
				assertThat(this.process.isAlive()).as("run-local.sh is running; its output:%n%s", output()).isTrue();
				return RUNNING.matcher(output()).find();
			});
	}

	/**
	 * What the script printed so far.
	 * @return its output
	 */
	String output() {
		try {
			return Files.readString(this.output, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A {@code name: value} line of the output (the first admin's credentials).
	 * @param name the name, such as {@code admin-password}
	 * @return the value
	 */
	String printed(String name) {
		Matcher matcher = Pattern.compile("^\\s*" + Pattern.quote(name) + ": (\\S+)$", Pattern.MULTILINE)
			.matcher(output());
		assertThat(matcher.find()).as("run-local.sh printed %s; its output:%n%s", name, output()).isTrue();
		return matcher.group(1);
	}

	/**
	 * Stops the platform as Ctrl-C does (SIGTERM to the script) and checks that every
	 * process it started has ended and every port is free again.
	 */
	void stop() {
		List<ProcessHandle> started = this.process.descendants().toList();
		assertThat(started).as("processes started by run-local.sh").isNotEmpty();
		this.process.destroy();
		await("run-local.sh to stop").atMost(Duration.ofMinutes(1)).until(() -> !this.process.isAlive());
		await("every process run-local.sh started to end").atMost(Duration.ofSeconds(30))
			.until(() -> started.stream().noneMatch(ProcessHandle::isAlive));
		assertThat(output()).contains("Stopped.");
		PORTS.forEach((port) -> assertThat(listening(port)).as("port %d is free after the stop", port).isFalse());
	}

	private void kill() {
		if (this.process.isAlive()) {
			List<ProcessHandle> started = this.process.descendants().toList();
			this.process.destroy();
			try {
				this.process.waitFor();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			started.forEach(ProcessHandle::destroyForcibly);
		}
	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
