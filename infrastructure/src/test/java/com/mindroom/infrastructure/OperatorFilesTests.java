package com.mindroom.infrastructure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static com.mindroom.infrastructure.Manifests.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files around the scripts stay true to them: .env.example documents every setting,
 * the Stripe prices the deploy creates match the plan catalog, the scripts pass
 * shellcheck, and the Docker files build the same five services as non-root.
 */
class OperatorFilesTests {

	private static final Path REPOSITORY = ScriptSandbox.REPOSITORY;

	@Test
	void envExampleDocumentsEverySettingTheScriptsCheck() throws IOException {
		String example = Files.readString(REPOSITORY.resolve(".env.example"));
		Set<String> checked = new TreeSet<>();
		Matcher matcher = Pattern.compile("(?m)^\\s+need ([A-Z][A-Z0-9_]+) ").matcher(scripts());
		while (matcher.find()) {
			checked.add(matcher.group(1));
		}

		assertThat(checked).contains("PLATFORM_DOMAIN", "HCLOUD_TOKEN", "STRIPE_SECRET_KEY")
			.allSatisfy((name) -> assertThat(example).containsPattern("(?m)^#? ?" + name + "="));
	}

	@Test
	void envExampleNamesOnlyTerraformVariablesThatExist() throws IOException {
		String example = Files.readString(REPOSITORY.resolve(".env.example"));
		String variables = Files.readString(REPOSITORY.resolve("infrastructure/terraform/variables.tf"));
		Matcher matcher = Pattern.compile("(?m)^#? ?TF_VAR_([a-z0-9_]+)=").matcher(example);
		List<String> named = new ArrayList<>();
		while (matcher.find()) {
			named.add(matcher.group(1));
		}

		assertThat(named).isNotEmpty()
			.allSatisfy((name) -> assertThat(variables).contains("variable \"" + name + "\""));
	}

	@Test
	@SuppressWarnings("unchecked")
	void stripePricesMirrorThePlanCatalog() throws IOException {
		Map<String, Object> common = new Yaml(new SafeConstructor(new LoaderOptions()))
			.load(Files.readString(REPOSITORY.resolve("platform-common/src/main/resources/mindroom-common.yml")));
		Map<String, Map<String, Object>> catalog = (Map<String, Map<String, Object>>) at(common, "mindroom", "plans",
				"catalog");
		Set<String> expected = new LinkedHashSet<>();
		catalog.forEach((plan, settings) -> {
			Map<String, Map<String, Object>> prices = (Map<String, Map<String, Object>>) settings.get("prices");
			if (Boolean.TRUE.equals(settings.get("self-serve")) && prices != null) {
				prices.forEach((interval, price) -> expected
					.add(plan + " " + interval + " " + price.get("amount") + " " + price.get("currency")));
			}
		});
		Set<String> deployed = new LinkedHashSet<>();
		Matcher matcher = Pattern.compile("\"([a-z]+) [A-Za-z]+ (month|year) ([0-9]+) ([a-z]{3})\"")
			.matcher(Files.readString(REPOSITORY.resolve("scripts/lib/stripe.sh")));
		while (matcher.find()) {
			deployed.add(matcher.group(1) + " " + matcher.group(2) + " " + matcher.group(3) + " " + matcher.group(4));
		}

		assertThat(deployed).isNotEmpty().containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void scriptsPassShellcheck() throws Exception {
		Process process = new ProcessBuilder("shellcheck", "-x", "-P", "scripts", "scripts/deploy-all.sh",
				"scripts/cleanup-all.sh", "scripts/run-migrations.sh",
				"infrastructure/src/test/resources/stubs/stub.sh")
			.directory(REPOSITORY.toFile())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

		assertThat(process.exitValue()).as(output).isZero();
	}

	@Test
	@SuppressWarnings("unchecked")
	void dockerFilesBuildTheFiveServicesAsNonRoot() throws IOException {
		String dockerfile = Files.readString(REPOSITORY.resolve("docker/Dockerfile"));
		Map<String, Object> compose = new Yaml(new SafeConstructor(new LoaderOptions()))
			.load(Files.readString(REPOSITORY.resolve("docker/compose.yaml")));
		Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");

		assertThat(dockerfile).containsPattern("(?m)^USER 1000:1000$").doesNotContain(":latest");
		assertThat(services.keySet()).containsExactlyInAnyOrder("postgres", "gateway", "customer-portal",
				"admin-dashboard", "stripe-handler", "instance-provisioner");
		services.forEach((name, service) -> {
			if (!"postgres".equals(name)) {
				assertThat(at(service, "build", "args", "SERVICE")).isEqualTo(name);
				assertThat(service.get("network_mode")).isEqualTo("service:postgres");
			}
		});
		assertThat((String) at(services.get("postgres"), "image")).matches("postgres:[0-9.]+");
	}

	private static String scripts() throws IOException {
		StringBuilder text = new StringBuilder();
		try (Stream<Path> files = Files.list(REPOSITORY.resolve("scripts/lib"))) {
			for (Path file : files.toList()) {
				text.append(Files.readString(file));
			}
		}
		for (String script : List.of("deploy-all.sh", "cleanup-all.sh", "run-migrations.sh")) {
			text.append(Files.readString(REPOSITORY.resolve("scripts").resolve(script)));
		}
		return text.toString();
	}

}
