package com.mindroom.provisioner.chart;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

import com.mindroom.common.plan.Plan;
import com.mindroom.common.plan.PlanCatalog;
import com.mindroom.common.plan.PlanProperties;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The instance chart, rendered and linted by Helm's own engine for every plan of the
 * catalog: the plan's sizes and limits reach the objects, images are pinned, and nothing
 * secret is ever rendered.
 */
class InstanceChartTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static InstanceChart chart;

	private static PlanCatalog plans;

	@BeforeAll
	static void load() throws IOException {
		chart = InstanceChart.load(
				new ChartProperties(null, "1.31.0", null, null, null, null, null, null, null, null, null, null), json);
		plans = catalog();
	}

	@AfterAll
	static void close() {
		chart.close();
	}

	@Test
	void loadsThePackagedChart() {
		assertThat(chart.name()).isEqualTo("mindroom-instance");
		assertThat(chart.version()).matches("\\d+\\.\\d+\\.\\d+");
		assertThat(chart.lint()).noneMatch((message) -> message.contains("[ERROR]"));
	}

	@Test
	void everyPlanRendersItsSizesAndLimitsAndNoSecret() {
		for (Plan plan : plans.all()) {
			ChartValues values = values(plan, true);
			String manifests = chart.template("mindroom-demo", "mindroom-demo", values.values());
			List<HasMetadata> objects = chart.render("mindroom-demo", "mindroom-demo", values.values());
			assertThat(objects).extracting(HasMetadata::getKind)
				.contains("Deployment", "Service", "PersistentVolumeClaim", "Ingress", "NetworkPolicy", "ResourceQuota",
						"LimitRange", "ConfigMap")
				.doesNotContain("Secret");
			assertThat(manifests).doesNotContain("kind: Secret")
				.contains("storage: \"" + plan.resources().volumeSize() + "\"")
				.contains("limits.cpu: \"" + plan.resources().quotaCpu() + "\"")
				.contains("memory: \"" + plan.resources().memoryLimit() + "\"")
				.contains("messages_per_day: "
						+ ((plan.limits().messagesPerDay() != null) ? plan.limits().messagesPerDay() : "null"))
				.doesNotContain(":latest");
			Deployment mindroom = (Deployment) objects.stream()
				.filter((object) -> object instanceof Deployment && object.getMetadata().getName().equals("mindroom"))
				.findFirst()
				.orElseThrow();
			assertThat(mindroom.getSpec().getReplicas()).isEqualTo(1);
			assertThat(mindroom.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
		}
	}

	@Test
	void everyPlanPassesHelmLint(@TempDir Path work) throws IOException {
		for (Plan plan : plans.all()) {
			Path copy = work.resolve(plan.id());
			FileSystemUtils.copyRecursively(chart.directory(), copy);
			Map<String, Object> merged = merge(readYaml(copy.resolve("values.yaml")), values(plan, true).values());
			Files.writeString(copy.resolve("values.yaml"), json.writeValueAsString(merged));
			LintResult lint = new Helm(copy).lint().strict().call();
			assertThat(lint.isFailed()).as(plan.id() + ": " + lint.getMessages()).isFalse();
		}
	}

	@Test
	void suspendedInstancesRenderZeroReplicasAndRestartsAnnotateThePods() {
		Plan plan = plans.require("starter");
		String suspended = chart.template("r", "ns", values(plan, false).values());
		assertThat(suspended).contains("replicas: 0").doesNotContain("replicas: 1");
		String restarted = chart.template("r", "ns",
				new InstanceValues(properties(), json)
					.of(new ChartInstance(UUID.randomUUID(), UUID.randomUUID(), "demo", plan.id(), "demo.example.com",
							"demo-matrix.example.com", true, Instant.parse("2026-05-01T10:00:00Z")), plan)
					.values());
		assertThat(restarted).contains("mindroom.io/restarted-at: \"2026-05-01T10:00:00Z\"");
	}

	@Test
	void valuesHashChangesWithWhatShouldRun() {
		Plan plan = plans.require("free");
		assertThat(values(plan, true).hash()).isEqualTo(values(plan, true).hash())
			.isNotEqualTo(values(plan, false).hash())
			.isNotEqualTo(values(plans.require("starter"), true).hash());
	}

	@Test
	void refusesAnUnpinnedImage() {
		ChartValues values = new InstanceValues(
				new ChartProperties(null, "1.31.0", null, "latest", null, null, null, null, null, null, null, null),
				json)
			.of(instance(plans.require("free"), true), plans.require("free"));
		assertThatExceptionOfType(ChartRenderingException.class)
			.isThrownBy(() -> chart.template("r", "ns", values.values()))
			.withMessageContaining("image.tag must pin a version");
	}

	@Test
	void usesAWildcardCertificateInsteadOfCertManagerWhenConfigured() {
		Plan plan = plans.require("free");
		String withIssuer = chart.template("r", "ns", values(plan, true).values());
		assertThat(withIssuer).contains("cert-manager.io/cluster-issuer");
		ChartValues wildcard = new InstanceValues(new ChartProperties(null, "1.31.0", null, null, null, null, null,
				null, "wildcard-tls", null, null, null), json)
			.of(instance(plan, true), plan);
		assertThat(chart.template("r", "ns", wildcard.values())).contains("secretName: \"wildcard-tls\"")
			.doesNotContain("cert-manager.io/cluster-issuer");
	}

	private static ChartValues values(Plan plan, boolean running) {
		return new InstanceValues(properties(), json).of(instance(plan, running), plan);
	}

	private static ChartInstance instance(Plan plan, boolean running) {
		return new ChartInstance(UUID.nameUUIDFromBytes(plan.id().getBytes()),
				UUID.nameUUIDFromBytes(("account of " + plan.id()).getBytes()), "demo", plan.id(), "demo.example.com",
				"demo-matrix.example.com", running, null);
	}

	private static ChartProperties properties() {
		return new ChartProperties(null, "1.31.0", null, null, null, null, null, null, null, null, null, null);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
		Map<String, Object> merged = new LinkedHashMap<>(base);
		override.forEach((key, value) -> {
			if (value instanceof Map<?, ?> map && merged.get(key) instanceof Map<?, ?> existing) {
				merged.put(key, merge((Map<String, Object>) existing, (Map<String, Object>) map));
			}
			else {
				merged.put(key, value);
			}
		});
		return merged;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> readYaml(Path file) throws IOException {
		try (Reader reader = Files.newBufferedReader(file)) {
			return (Map<String, Object>) new Yaml().load(reader);
		}
	}

	private static PlanCatalog catalog() throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		new YamlPropertySourceLoader().load("common", new ClassPathResource("mindroom-common.yml"))
			.forEach(environment.getPropertySources()::addLast);
		Binder binder = new Binder(ConfigurationPropertySources.get(environment),
				new org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver(environment));
		return PlanCatalog.from(binder.bind("mindroom.plans", PlanProperties.class).get());
	}

}
