package com.mindroom.infrastructure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.mindroom.infrastructure.Manifests.at;
import static com.mindroom.infrastructure.Manifests.list;
import static com.mindroom.infrastructure.Manifests.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * infrastructure/helm/platform rendered by Helm's engine for representative values, and
 * the rendered objects checked: probes, resources, pinned images, secrets by reference
 * only, one public entry, and the provisioner's limited RBAC.
 */
class PlatformChartTests {

	private static final Path CHART = ChartSupport.chart("infrastructure/helm/platform");

	private static final Path VALUES = ChartSupport.resource("platform-values.yaml");

	private static final List<String> SERVICES = List.of("admin-dashboard", "customer-portal", "gateway",
			"instance-provisioner", "stripe-handler");

	private static Manifests manifests;

	@BeforeAll
	static void render(@TempDir Path temp) {
		Path chart = ChartSupport.withHooksRendered(CHART, temp);
		manifests = Manifests.parse(ChartSupport.template(chart).withValuesFile(VALUES).call());
	}

	@Test
	void lintsCleanly(@TempDir Path temp) {
		LintResult result = ChartSupport.lint(CHART, VALUES, temp);

		assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
	}

	@Test
	void rendersADeploymentWithProbesAndResourcesForEachService() {
		assertThat(manifests.ofKind("Deployment")).extracting((d) -> at(d, "metadata", "name"))
			.containsExactlyInAnyOrderElementsOf(SERVICES);
		for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
			Map<String, Object> container = list(at(Manifests.podSpec(deployment), "containers")).get(0);
			assertThat(at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
			assertThat(at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
			assertThat(at(container, "startupProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
			String actuatorPort = "gateway".equals(at(deployment, "metadata", "name")) ? "management" : "http";
			for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
				assertThat(at(container, probe, "httpGet", "port")).as(probe).isEqualTo(actuatorPort);
			}
			assertThat(list(container.get("ports"))).extracting((port) -> port.get("name")).contains(actuatorPort);
			assertThat(map(at(container, "resources", "requests"))).containsKeys("cpu", "memory");
			assertThat(map(at(container, "resources", "limits"))).containsKey("memory");
			assertThat(at(container, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
			assertThat(at(Manifests.podSpec(deployment), "securityContext", "runAsNonRoot")).isEqualTo(true);
		}
	}

	@Test
	void servesTheGatewaysActuatorOnlyOnItsManagementPort() {
		Map<String, Object> deployment = manifests.get("Deployment", "gateway");
		Map<String, Object> container = list(at(Manifests.podSpec(deployment), "containers")).get(0);

		assertThat(list(container.get("ports"))).containsExactlyInAnyOrder(
				Map.of("name", "http", "containerPort", 8080), Map.of("name", "management", "containerPort", 8180));
		assertThat(envValue(manifests, "gateway", "SERVER_PORT")).isEqualTo("8080");
		assertThat(envValue(manifests, "gateway", "MANAGEMENT_SERVER_PORT")).isEqualTo("8180");
		assertThat(envValue(manifests, "customer-portal", "MANAGEMENT_SERVER_PORT")).isNull();
		assertThat(map(at(deployment, "spec", "template", "metadata", "annotations")))
			.containsEntry("prometheus.io/port", "8180")
			.containsEntry("prometheus.io/path", "/actuator/prometheus");
		assertThat(
				map(at(manifests.get("Deployment", "customer-portal"), "spec", "template", "metadata", "annotations")))
			.containsEntry("prometheus.io/port", "8081");
		assertThat(list(at(manifests.get("Service", "gateway"), "spec", "ports")))
			.extracting((port) -> port.get("name") + " " + port.get("port") + "->" + port.get("targetPort"))
			.containsExactlyInAnyOrder("http 8080->http", "management 8180->management");
		assertThat(at(manifests.get("NetworkPolicy", "gateway-from-ingress"), "spec", "ingress")).asString()
			.as("the ingress controller reaches the public port only")
			.contains("port=8080")
			.doesNotContain("8180");
	}

	@Test
	void letsOnlyTheMonitoringNamespaceScrapeTheGatewaysManagementPort() {
		Manifests monitored = Manifests.parse(ChartSupport.template(CHART)
			.withValuesFile(VALUES)
			.set("networkPolicy.monitoringNamespace", "monitoring")
			.call());

		assertThat(at(monitored.get("NetworkPolicy", "gateway-from-monitoring"), "spec", "ingress")).asString()
			.contains("monitoring", "port=8180")
			.doesNotContain("8080");
		assertThat(at(monitored.get("NetworkPolicy", "customer-portal-from-monitoring"), "spec", "ingress")).asString()
			.contains("port=8081");
	}

	@Test
	void pinsEveryImageToTheReleaseRevisionNeverLatest() {
		List<String> images = manifests.containers().stream().map((c) -> (String) c.get("image")).toList();

		assertThat(images).isNotEmpty().allSatisfy((image) -> {
			assertThat(image).matches(".+:[^:/]+$").doesNotEndWith(":latest");
		});
		assertThat(images).contains("registry.example.com/mindroom/gateway:0123456789ab",
				"registry.example.com/mindroom/instance-provisioner:0123456789ab", "flyway/flyway:11.14.1");
	}

	@Test
	void refusesTheLatestTagAndMissingSettings() {
		assertThatThrownBy(() -> ChartSupport.template(CHART).withValuesFile(VALUES).set("image.tag", "latest").call())
			.hasMessageContaining("never latest");
		assertThatThrownBy(() -> ChartSupport.template(CHART).withValuesFile(VALUES).set("global.domain", "").call())
			.hasMessageContaining("global.domain is required");
	}

	@Test
	void takesPlainEnvFromValuesAndSecretsOnlyByReference() {
		Map<String, Object> container = list(
				at(Manifests.podSpec(manifests.get("Deployment", "stripe-handler")), "containers"))
			.get(0);
		Map<String, Map<String, Object>> env = list(container.get("env")).stream()
			.collect(Collectors.toMap((e) -> (String) e.get("name"), (e) -> e));

		assertThat(env.get("LOGGING_STRUCTURED_FORMAT_CONSOLE")).containsEntry("value", "ecs");
		assertThat(env.get("MINDROOM_DB_MIGRATE")).containsEntry("value", "false");
		assertThat(env.get("PLATFORM_DOMAIN")).containsEntry("value", "mindroom.example.com");
		assertThat(env.get("SERVER_PORT")).containsEntry("value", "8083");
		assertThat(env.get("MINDROOM_PUBLIC_URL")).containsEntry("value", "https://app.mindroom.example.com");
		assertThat(envValue(manifests, "gateway", "MINDROOM_PORTAL_URL")).isEqualTo("http://customer-portal:8081");
		assertThat(envValue(manifests, "instance-provisioner", "MINDROOM_KUBERNETES_MODE")).isEqualTo("in-cluster");
		assertThat(envValue(manifests, "instance-provisioner", "MINDROOM_PLATFORM_NAMESPACE")).isEqualTo("mindroom");
		assertThat(envValue(manifests, "instance-provisioner", "MINDROOM_BACKUP_IMAGE"))
			.isEqualTo("registry.example.com/mindroom/instance-provisioner:0123456789ab");
		assertThat(envValue(manifests, "instance-provisioner", "MINDROOM_BACKUP_PULL_SECRET_NAME"))
			.isEqualTo("mindroom/mindroom-registry");
		assertThat(envValue(manifests, "stripe-handler", "MINDROOM_BACKUP_IMAGE")).isNull();
		assertThat(env.get("MINDROOM_DB_URL").get("value").toString()).startsWith("jdbc:postgresql://");
		assertThat(at(env.get("MINDROOM_DB_PASSWORD"), "valueFrom", "secretKeyRef"))
			.isEqualTo(Map.of("name", "mindroom-platform-secrets", "key", "MINDROOM_DB_PASSWORD"));
		assertThat(at(env.get("STRIPE_WEBHOOK_SECRET"), "valueFrom", "secretKeyRef", "name"))
			.isEqualTo("mindroom-stripe-webhook");
		assertThat(list(container.get("envFrom"))).extracting((e) -> at(e, "configMapRef", "name"))
			.containsExactly("mindroom-stripe-prices");
		for (Map<String, Object> each : manifests.containers()) {
			for (Map<String, Object> variable : list(each.get("env"))) {
				String name = (String) variable.get("name");
				if (name.matches(".*(PASSWORD|SECRET|TOKEN|_KEY)$") && !name.contains("PUBLISHABLE")) {
					assertThat(variable).as(name).doesNotContainKey("value").containsKey("valueFrom");
				}
			}
		}
		assertThat(manifests.ofKind("Secret")).isEmpty();
	}

	@Test
	void exposesOnlyTheGatewayOnAppApiAndTheWebhookPath() {
		assertThat(manifests.ofKind("Service"))
			.allSatisfy((s) -> assertThat(at(s, "spec", "type")).isEqualTo("ClusterIP"));
		List<Map<String, Object>> ingresses = manifests.ofKind("Ingress");
		Set<String> hosts = ingresses.stream()
			.flatMap((i) -> list(at(i, "spec", "rules")).stream())
			.map((r) -> (String) r.get("host"))
			.collect(Collectors.toSet());
		List<Map<String, Object>> paths = ingresses.stream()
			.flatMap((i) -> list(at(i, "spec", "rules")).stream())
			.flatMap((r) -> list(at(r, "http", "paths")).stream())
			.toList();

		assertThat(hosts).containsExactlyInAnyOrder("app.mindroom.example.com", "api.mindroom.example.com");
		assertThat(paths).allSatisfy((p) -> assertThat(at(p, "backend", "service", "name")).isEqualTo("gateway"));
		assertThat(paths).anySatisfy(
				(p) -> assertThat(p).containsEntry("path", "/webhooks/stripe").containsEntry("pathType", "Exact"));
		assertThat(at(manifests.get("Ingress", "mindroom-platform"), "metadata", "annotations"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("cert-manager.io/cluster-issuer", "letsencrypt");
		assertThat(at(manifests.get("NetworkPolicy", "gateway-from-ingress"), "spec", "ingress")).asString()
			.contains("ingress-nginx");
		assertThat(manifests.names())
			.contains("NetworkPolicy/mindroom-platform-default-deny", "NetworkPolicy/customer-portal-from-gateway",
					"NetworkPolicy/instance-provisioner-to-cluster")
			.doesNotContain("NetworkPolicy/instance-provisioner-from-gateway");
	}

	@Test
	void letsTheProvisionerManageEveryKindTheInstanceChartRenders() {
		Manifests instance = Manifests
			.parse(ChartSupport.template(ChartSupport.chart("infrastructure/helm/mindroom-instance"))
				.withValuesFile(ChartSupport.resource("instance-values.yaml"))
				.call());
		Set<String> granted = list(manifests.get("ClusterRole", "mindroom-platform-provisioner").get("rules")).stream()
			.filter((rule) -> strings(rule.get("verbs")).containsAll(List.of("create", "patch", "delete", "watch")))
			.flatMap((rule) -> strings(rule.get("resources")).stream())
			.collect(Collectors.toSet());
		Set<String> rendered = instance.names()
			.stream()
			.map((name) -> name.substring(0, name.indexOf('/')).toLowerCase(Locale.ROOT))
			.map(PlatformChartTests::plural)
			.collect(Collectors.toSet());

		assertThat(rendered).contains("serviceaccounts", "deployments", "ingresses", "networkpolicies");
		assertThat(granted).containsAll(rendered);
	}

	@Test
	void givesOnlyTheProvisionerLimitedRightsOverTenantNamespaces() {
		Map<String, Object> role = manifests.get("ClusterRole", "mindroom-platform-provisioner");
		List<Map<String, Object>> rules = list(role.get("rules"));
		Set<String> resources = rules.stream()
			.flatMap((r) -> ((List<?>) r.get("resources")).stream())
			.map(Object::toString)
			.collect(Collectors.toSet());

		assertThat(manifests.ofKind("ClusterRole")).hasSize(1);
		assertThat(manifests.ofKind("Role")).isEmpty();
		assertThat(resources).containsExactlyInAnyOrder("namespaces", "serviceaccounts", "services", "secrets",
				"configmaps", "persistentvolumeclaims", "resourcequotas", "limitranges", "deployments", "statefulsets",
				"ingresses", "networkpolicies", "jobs", "pods", "persistentvolumes");
		assertThat(rules).allSatisfy((rule) -> {
			assertThat(strings(rule.get("verbs"))).doesNotContain("*", "escalate", "bind", "impersonate");
			assertThat(strings(rule.get("apiGroups"))).doesNotContain("*", "rbac.authorization.k8s.io");
		});
		assertThat(rules).filteredOn((r) -> ((List<?>) r.get("resources")).contains("pods"))
			.singleElement()
			.satisfies((r) -> assertThat(strings(r.get("verbs"))).containsExactlyInAnyOrder("get", "list", "watch"));
		assertThat(rules).filteredOn((r) -> ((List<?>) r.get("resources")).contains("persistentvolumes"))
			.singleElement()
			.satisfies((r) -> assertThat(strings(r.get("verbs"))).containsExactlyInAnyOrder("get", "patch", "update"));
		List<Map<String, Object>> bindings = manifests.ofKind("ClusterRoleBinding");
		assertThat(bindings).singleElement()
			.satisfies((b) -> assertThat(list(b.get("subjects"))).singleElement()
				.isEqualTo(Map.of("kind", "ServiceAccount", "name", "instance-provisioner", "namespace", "mindroom")));
		assertThat(at(manifests.get("ValidatingAdmissionPolicy", "mindroom-platform-provisioner-tenant-scope"), "spec",
				"validations"))
			.asString()
			.contains("startsWith(\"mindroom-\")");
		for (Map<String, Object> account : manifests.ofKind("ServiceAccount")) {
			boolean provisioner = "instance-provisioner".equals(at(account, "metadata", "name"));
			assertThat(account.get("automountServiceAccountToken")).isEqualTo(provisioner);
		}
	}

	@Test
	void scalesAndProtectsTheServices() {
		assertThat(manifests.ofKind("HorizontalPodAutoscaler")).extracting((h) -> at(h, "metadata", "name"))
			.containsExactlyInAnyOrder("gateway", "customer-portal", "stripe-handler");
		assertThat(manifests.ofKind("PodDisruptionBudget")).hasSize(SERVICES.size());
		assertThat(at(manifests.get("HorizontalPodAutoscaler", "gateway"), "spec", "maxReplicas")).isEqualTo(6);
		assertThat(at(manifests.get("Deployment", "gateway"), "spec", "replicas")).isNull();
		assertThat(at(manifests.get("Deployment", "admin-dashboard"), "spec", "replicas")).isEqualTo(1);
	}

	@Test
	void runsTheMigrationsAsAPreUpgradeHookWithFlyway() throws IOException {
		Map<String, Object> job = manifests.get("Job", "mindroom-platform-migrations");
		assertThat(Files.readString(CHART.resolve("templates/migrations-job.yaml")))
			.contains("helm.sh/hook: pre-install,pre-upgrade");
		Map<String, Object> flyway = list(at(Manifests.podSpec(job), "containers")).get(0);
		Map<String, Object> copy = list(at(Manifests.podSpec(job), "initContainers")).get(0);

		assertThat(flyway.get("args")).isEqualTo(List.of("migrate"));
		assertThat(copy.get("image")).isEqualTo("registry.example.com/mindroom/stripe-handler:0123456789ab");
		assertThat(list(flyway.get("env")))
			.anySatisfy((e) -> assertThat(e).containsEntry("name", "FLYWAY_PASSWORD").containsKey("valueFrom"));
		assertThat(list(flyway.get("env"))).anySatisfy((e) -> assertThat(e).containsEntry("name", "FLYWAY_LOCATIONS")
			.containsEntry("value", "classpath:db/migrations"));
	}

	@Test
	void letsAServiceOverrideTheSharedEnvironment() {
		Manifests custom = Manifests.parse(ChartSupport.template(CHART)
			.withValuesFile(VALUES)
			.set("env.MINDROOM_DB_POOL_SIZE", "5")
			.set("services.gateway.env.MINDROOM_DB_POOL_SIZE", "2")
			.call());

		assertThat(envValue(custom, "gateway", "MINDROOM_DB_POOL_SIZE")).isEqualTo("2");
		assertThat(envValue(custom, "customer-portal", "MINDROOM_DB_POOL_SIZE")).isEqualTo("5");
	}

	@SuppressWarnings("unchecked")
	/**
	 * The resource name of a kind, as RBAC rules say it ({@code NetworkPolicy} →
	 * networkpolicies).
	 */
	private static String plural(String kind) {
		if (kind.endsWith("y")) {
			return kind.substring(0, kind.length() - 1) + "ies";
		}
		return kind.endsWith("s") ? kind + "es" : kind + "s";
	}

	private static List<String> strings(Object node) {
		return (List<String>) node;
	}

	private static Object envValue(Manifests manifests, String deployment, String name) {
		return list(
				list(at(Manifests.podSpec(manifests.get("Deployment", deployment)), "containers")).get(0).get("env"))
			.stream()
			.filter((e) -> name.equals(e.get("name")))
			.findFirst()
			.map((e) -> e.get("value"))
			.orElse(null);
	}

}
