package com.mindroom.infrastructure;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.mindroom.infrastructure.Manifests.at;
import static com.mindroom.infrastructure.Manifests.list;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenant chart (infrastructure/helm/mindroom-instance, owned by the instance
 * provisioner) rendered for the cluster this module deploys: it must fit the ingress
 * controller, issuer and storage installed here, and keep the rules every workload on the
 * cluster follows.
 */
class InstanceChartTests {

	private static final Path CHART = ChartSupport.chart("infrastructure/helm/mindroom-instance");

	private static final Path VALUES = ChartSupport.resource("instance-values.yaml");

	@Test
	void lintsCleanlyWithThisClustersValues(@TempDir Path temp) {
		LintResult result = ChartSupport.lint(CHART, VALUES, temp);

		assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
	}

	@Test
	void rendersWorkloadsThatFollowTheClustersRules() {
		Manifests manifests = Manifests.parse(ChartSupport.template(CHART).withValuesFile(VALUES).call());

		assertThat(manifests.ofKind("Deployment")).isNotEmpty();
		assertThat(manifests.containers()).allSatisfy((container) -> {
			assertThat((String) container.get("image")).matches(".+:[^:/]+$").doesNotEndWith(":latest");
			assertThat(container).containsKeys("readinessProbe", "livenessProbe", "resources");
		});
		assertThat(manifests.ofKind("Secret")).isEmpty();
		List<Map<String, Object>> ingresses = manifests.ofKind("Ingress");
		assertThat(ingresses).isNotEmpty()
			.allSatisfy((ingress) -> assertThat(at(ingress, "spec", "ingressClassName")).isEqualTo("nginx"));
		assertThat(manifests.ofKind("NetworkPolicy")).anySatisfy(
				(policy) -> assertThat(list(at(policy, "spec", "ingress")).toString()).contains("ingress-nginx"));
	}

}
