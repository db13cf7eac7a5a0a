package com.mindroom.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an operator script from the repository with recording stubs of terraform, kubectl,
 * helm, curl, ssh and the Maven wrapper first on PATH, an env file of representative
 * settings, and its own state directories, so that runs are repeatable and observable.
 */
final class ScriptSandbox {

	static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

	private static final List<String> STUBBED = List.of("terraform", "kubectl", "helm", "curl", "ssh", "mvnw");

	/** Secret settings with values distinctive enough to find anywhere they leak to. */
	static final Map<String, String> SECRETS = Map.of("HCLOUD_TOKEN", "hcloud-SECRET-7c1d9e", "GITEA_TOKEN",
			"gitea-SECRET-55ab01", "STRIPE_SECRET_KEY", "sk_test_SECRET_91fe33", "SUPABASE_SERVICE_KEY",
			"supabase-service-SECRET-e4a2", "SUPABASE_ANON_KEY", "supabase-anon-SECRET-0b7f", "OPENAI_API_KEY",
			"sk-openai-SECRET-a81c", "PORKBUN_SECRET_API_KEY", "sk1_porkbun_SECRET_d00d", "DB_PASSWORD",
			"p@ss:SECRET/92");

	private final Path root;

	private final Map<String, String> settings = new LinkedHashMap<>();

	private boolean realTools;

	ScriptSandbox(Path root) {
		this.root = root;
		try {
			Path bin = Files.createDirectories(root.resolve("bin"));
			Path stub = bin.resolve("stub.sh");
			try (InputStream in = ScriptSandbox.class.getResourceAsStream("/stubs/stub.sh")) {
				Files.copy(in, stub);
			}
			Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
			for (String tool : STUBBED) {
				Files.createSymbolicLink(bin.resolve(tool), stub);
			}
			Path ssh = Files.createDirectories(root.resolve("home/.ssh"));
			Files.writeString(ssh.resolve("id_ed25519"), "private key\n");
			Files.writeString(ssh.resolve("id_ed25519.pub"), "ssh-ed25519 AAAATEST operator@example\n");
			Files.createDirectories(root.resolve("state"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.settings.putAll(representativeSettings());
	}

	static Map<String, String> representativeSettings() {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("PLATFORM_DOMAIN", "mindroom.example.com");
		settings.put("ROOT_DOMAIN", "example.com");
		settings.put("ENVIRONMENT", "staging");
		settings.put("REGISTRY", "registry.example.com/mindroom");
		settings.put("IMAGE_TAG", "0123456789ab");
		settings.put("HCLOUD_TOKEN", SECRETS.get("HCLOUD_TOKEN"));
		settings.put("OPERATOR_CIDRS", "203.0.113.7/32, 2001:db8::/64");
		settings.put("GITEA_USER", "deployer");
		settings.put("GITEA_TOKEN", SECRETS.get("GITEA_TOKEN"));
		settings.put("SUPABASE_URL", "https://abcdefgh.supabase.co");
		settings.put("SUPABASE_ANON_KEY", SECRETS.get("SUPABASE_ANON_KEY"));
		settings.put("SUPABASE_SERVICE_KEY", SECRETS.get("SUPABASE_SERVICE_KEY"));
		settings.put("SUPABASE_DB_URL",
				"postgresql://postgres.abcdefgh:p%40ss%3ASECRET%2F92@aws-0-eu-central-1.pooler.supabase.com:5432/postgres");
		settings.put("STRIPE_PUBLISHABLE_KEY", "pk_test_public");
		settings.put("STRIPE_SECRET_KEY", SECRETS.get("STRIPE_SECRET_KEY"));
		settings.put("OPENAI_API_KEY", SECRETS.get("OPENAI_API_KEY"));
		settings.put("PORKBUN_API_KEY", "pk1_porkbun_key");
		settings.put("PORKBUN_SECRET_API_KEY", SECRETS.get("PORKBUN_SECRET_API_KEY"));
		settings.put("ACME_EMAIL", "ops@example.com");
		return settings;
	}

	ScriptSandbox set(String name, String value) {
		this.settings.put(name, value);
		return this;
	}

	ScriptSandbox without(String name) {
		this.settings.remove(name);
		return this;
	}

	Path root() {
		return this.root;
	}

	Path deployState() {
		return this.root.resolve("deploy");
	}

	Path stubState() {
		return this.root.resolve("state");
	}

	Result run(String script, String... arguments) {
		return runWithInput("", script, arguments);
	}

	/** Runs a script with the real tools on PATH (the Maven wrapper from MAVEN). */
	Result runReal(String script, String... arguments) {
		this.realTools = true;
		try {
			return runWithInput("", script, arguments);
		}
		finally {
			this.realTools = false;
		}
	}

	Result runWithInput(String input, String script, String... arguments) {
		try {
			Path log = this.root.resolve("calls.log");
			Files.deleteIfExists(log);
			Files.createFile(log);
			Path envFile = this.root.resolve("test.env");
			StringBuilder env = new StringBuilder();
			this.settings.forEach((name, value) -> env.append(name).append("='").append(value).append("'\n"));
			Files.writeString(envFile, env);
			List<String> command = new ArrayList<>(List.of("bash", REPOSITORY.resolve(script).toString()));
			command.addAll(List.of(arguments));
			command.addAll(List.of("--env-file", envFile.toString()));
			ProcessBuilder builder = new ProcessBuilder(command).directory(this.root.toFile());
			Map<String, String> environment = builder.environment();
			environment.clear();
			environment.put("PATH",
					this.realTools ? System.getenv("PATH") : this.root.resolve("bin") + ":" + System.getenv("PATH"));
			environment.put("HOME", this.root.resolve("home").toString());
			environment.put("LANG", "C.UTF-8");
			environment.put("STUB_LOG", log.toString());
			environment.put("STUB_STATE", stubState().toString());
			environment.put("DEPLOY_STATE_DIR", deployState().toString());
			environment.put("MAVEN", this.settings.getOrDefault("MAVEN", this.root.resolve("bin/mvnw").toString()));
			if (System.getenv("JAVA_HOME") != null) {
				environment.put("JAVA_HOME", System.getenv("JAVA_HOME"));
			}
			environment.put("DEPLOY_RETRY_DELAY", "0");
			environment.put("STUB_TENANTS",
					this.settings.getOrDefault("STUB_TENANTS", "mindroom-acme mindroom-globex"));
			Path output = this.root.resolve("output.txt");
			builder.redirectErrorStream(true).redirectOutput(output.toFile());
			Process process = builder.start();
			process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
			process.getOutputStream().close();
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(script + " did not finish within 120 s");
			}
			return new Result(process.exitValue(), Files.readString(output), Files.readAllLines(log));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What one run did: its exit code, its output (stdout and stderr) and the stub calls
	 * it made.
	 */
	record Result(int exitCode, String output, List<String> calls) {

		/** Index of the first call containing all the fragments, or -1. */
		int indexOf(String... fragments) {
			for (int i = 0; i < this.calls.size(); i++) {
				String call = this.calls.get(i);
				if (List.of(fragments).stream().allMatch(call::contains)) {
					return i;
				}
			}
			return -1;
		}

		List<String> callsContaining(String fragment) {
			return this.calls.stream().filter((call) -> call.contains(fragment)).toList();
		}

	}

}
