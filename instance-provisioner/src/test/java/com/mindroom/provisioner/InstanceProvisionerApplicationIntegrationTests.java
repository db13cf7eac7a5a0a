package com.mindroom.provisioner;

import org.junit.jupiter.api.Test;

import com.mindroom.common.test.ExportedMetrics;
import com.mindroom.common.test.FreshDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Instance Provisioner service starts against a fresh database and reports its health
 * and metrics, among them those the platform chart's alerts use.
 */
@FreshDatabase
@AutoConfigureTestRestTemplate
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class InstanceProvisionerApplicationIntegrationTests {

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private Environment environment;

	@Test
	void reportsUpWithLivenessAndReadinessGroups() {
		for (String path : new String[] { "/actuator/health", "/actuator/health/liveness",
				"/actuator/health/readiness" }) {
			assertThat(this.rest.getForEntity(path, String.class)).satisfies((response) -> {
				assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
				assertThat(response.getBody()).as(path).contains("\"status\":\"UP\"");
			});
		}
	}

	@Test
	void tellsThatItDrivesTheSimulatedCluster() {
		assertThat(this.environment.getProperty("mindroom.cluster.simulated", Boolean.class)).isTrue();
		assertThat(this.rest.getForObject("/actuator/info", String.class)).contains("\"simulated\":true")
			.contains("\"mode\":\"simulated\"");
	}

	@Test
	void exposesPrometheusMetrics() {
		assertThat(this.rest.getForObject("/actuator/prometheus", String.class)).contains("jvm_memory_used_bytes")
			.contains("application=\"instance-provisioner\"");
	}

	@Test
	void exportsTheMetricsThePlatformAlertsUse() {
		String scrape = this.rest.getForObject("/actuator/prometheus", String.class);

		assertThat(ExportedMetrics.of("instance-provisioner"))
			.allSatisfy((name) -> assertThat(scrape).as(name).containsPattern("(?m)^" + name + "\\{"));
		assertThat(scrape).contains("mindroom_instances{application=\"instance-provisioner\",state=\"error\"} 0");
	}

}
