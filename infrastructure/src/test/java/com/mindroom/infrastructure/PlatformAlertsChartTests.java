package com.mindroom.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static com.mindroom.infrastructure.Manifests.at;
import static com.mindroom.infrastructure.Manifests.list;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform chart's PrometheusRule and ServiceMonitor: they render when switched on,
 * cover the conditions operators are promised alerts for, and every metric an alert
 * expression names is one the services export (listed in exported-metrics.yaml, which
 * each service's tests check against its /actuator/prometheus).
 */
class PlatformAlertsChartTests {

	private static final Path CHART = ChartSupport.chart("infrastructure/helm/platform");

	private static final Path VALUES = ChartSupport.resource("platform-values.yaml");

	private static final Set<String> PROMQL_WORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
			"on", "ignoring", "group_left", "group_right", "inf", "nan");

	private static final Pattern IDENTIFIER = Pattern.compile("\\b[a-zA-Z_:][a-zA-Z0-9_:]*+(?!\\s*\\()");

	private static List<Map<String, Object>> rules;

	private static Manifests manifests;

	@BeforeAll
	static void render() {
		manifests = Manifests.parse(ChartSupport.template(CHART)
			.withValuesFile(VALUES)
			.set("monitoring.prometheusRule.enabled", "true")
			.set("monitoring.prometheusRule.labels.release", "kube-prometheus-stack")
			.set("monitoring.serviceMonitor.enabled", "true")
			.call());
		rules = list(at(manifests.get("PrometheusRule", "mindroom-platform"), "spec", "groups")).stream()
			.flatMap((group) -> list(group.get("rules")).stream())
			.toList();
	}

	@Test
	void alertsOnEveryPromisedCondition() {
		assertThat(rules).extracting((rule) -> rule.get("alert"))
			.contains("MindRoomInstanceInError", "MindRoomInstanceDegraded", "MindRoomBackupsFailing",
					"MindRoomReconcileBacklogGrowing", "MindRoomReconcileBacklogStalled", "MindRoomStripeEventsFailed",
					"MindRoomWebhookSignatureFailures", "MindRoomServiceDown", "MindRoomServiceAbsent",
					"MindRoomBackupsOverdue", "MindRoomRestoreDrillFailed");
		assertThat(rules).allSatisfy((rule) -> {
			assertThat(at(rule, "labels", "severity")).isIn("warning", "critical");
			assertThat((String) at(rule, "annotations", "summary")).isNotBlank();
		});
		assertThat(expression("MindRoomInstanceInError")).endsWith("> 900");
		assertThat(expression("MindRoomBackupsOverdue"))
			.isEqualTo("max(mindroom_backups_since_last_success_seconds) > 93600");
		assertThat(expression("MindRoomRestoreDrillFailed")).isEqualTo("max(mindroom_restore_drills_failed) > 0");
		assertThat(rules).filteredOn((rule) -> "MindRoomServiceAbsent".equals(rule.get("alert")))
			.extracting((rule) -> at(rule, "labels", "service"))
			.containsExactlyInAnyOrder("admin-dashboard", "customer-portal", "gateway", "instance-provisioner",
					"stripe-handler");
		assertThat(expression("MindRoomServiceDown")).isEqualTo("up{namespace=\"mindroom\"} == 0");
		assertThat(at(manifests.get("PrometheusRule", "mindroom-platform"), "metadata", "labels", "release"))
			.isEqualTo("kube-prometheus-stack");
	}

	@Test
	void namesOnlyMetricsTheServicesExport() {
		Set<String> exported = exportedMetrics();
		Set<String> used = new TreeSet<>();
		rules.forEach((rule) -> used.addAll(metricNames((String) rule.get("expr"))));

		assertThat(used).contains("mindroom_instances_oldest_in_state_seconds", "mindroom_backups_failing",
				"mindroom_backups_since_last_success_seconds", "mindroom_restore_drills_failed",
				"mindroom_stripe_webhook_signature_failures_total", "up");
		assertThat(exported).containsAll(used);
	}

	@Test
	void findsTheMetricNamesOfAnExpression() {
		assertThat(metricNames("sum by (job) (increase(foo_total{reason=\"x y\"}[5m] offset 1h)) > 3 "
				+ "and on (job) max(bar:ratio) < bool 0.5 or absent(up{job=\"gateway\"})"))
			.containsExactlyInAnyOrder("foo_total", "bar:ratio", "up");
	}

	@Test
	void scrapesEveryServiceThroughItsServiceMonitorOnThePortItsActuatorIsOn() {
		assertThat(manifests.ofKind("Service")).hasSize(5);
		assertThat(manifests.ofKind("ServiceMonitor")).hasSize(5);
		for (Map<String, Object> service : manifests.ofKind("Service")) {
			String name = (String) at(service, "metadata", "name");
			Map<String, Object> monitor = manifests.get("ServiceMonitor", "mindroom-platform-" + name);
			String port = "gateway".equals(name) ? "management" : "http";

			assertThat(list(at(monitor, "spec", "endpoints"))).as(name)
				.singleElement()
				.satisfies((endpoint) -> assertThat(endpoint).containsEntry("port", port)
					.containsEntry("path", "/actuator/prometheus"));
			assertThat(list(at(service, "spec", "ports"))).as(name)
				.extracting((each) -> each.get("name"))
				.contains(port);
			Map<String, Object> selector = Manifests.map(at(monitor, "spec", "selector", "matchLabels"));
			assertThat(selector).as(name).containsEntry("app.kubernetes.io/name", name);
			assertThat(Manifests.map(at(service, "metadata", "labels"))).as(name).containsAllEntriesOf(selector);
		}
	}

	@Test
	void rendersNoMonitoringObjectsUnlessAsked() {
		Manifests plain = Manifests.parse(ChartSupport.template(CHART).withValuesFile(VALUES).call());

		assertThat(plain.ofKind("PrometheusRule")).isEmpty();
		assertThat(plain.ofKind("ServiceMonitor")).isEmpty();
	}

	private static String expression(String alert) {
		return rules.stream()
			.filter((rule) -> alert.equals(rule.get("alert")))
			.map((rule) -> (String) rule.get("expr"))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * The metric names of a PromQL expression: its identifiers that are not functions,
	 * labels or keywords.
	 */
	static Set<String> metricNames(String expression) {
		String bare = expression.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
			.replaceAll("\\{[^}]*}", " ")
			.replaceAll("\\[[^\\]]*]", " ")
			.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
		Set<String> names = new TreeSet<>();
		Matcher matcher = IDENTIFIER.matcher(bare);
		while (matcher.find()) {
			if (!PROMQL_WORDS.contains(matcher.group().toLowerCase())) {
				names.add(matcher.group());
			}
		}
		return names;
	}

	@SuppressWarnings("unchecked")
	private static Set<String> exportedMetrics() {
		try {
			Map<String, List<String>> lists = new Yaml(new SafeConstructor(new LoaderOptions()))
				.load(Files.readString(CHART.resolve("exported-metrics.yaml")));
			Set<String> names = new TreeSet<>();
			lists.values().forEach(names::addAll);
			return names;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
