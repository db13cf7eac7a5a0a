package com.mindroom.provisioner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mindroom.common.instance.InstanceCommands;
import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestData;
import com.mindroom.common.test.TestDatabase;
import com.mindroom.provisioner.health.HealthChecks;
import com.mindroom.provisioner.health.UsageCollection;
import com.mindroom.provisioner.simulation.SimulatedCluster;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The provisioner driving a cluster named by a kubeconfig, here a simulated API server
 * that fails on demand: API errors and timeouts are retried with backoff until the
 * instance is marked {@code error} with the reason, and it recovers when the server
 * heals; a pass that fails after creating the namespace converges on the next one; an
 * instance held by a crashed replica is taken over when its lease ends. Instances are
 * reached over HTTP (WireMock) for health and usage, as on a real cluster.
 */
@FreshDatabase
@SpringBootTest
class FailureRecoveryIntegrationTests {

	private static final Pattern NAMESPACE_REQUEST = Pattern.compile("^/api/v1/namespaces(/[^/?]+)?(\\?.*)?$");

	private static final FaultyApiServer api = new FaultyApiServer();

	private static final SimulatedCluster cluster = new SimulatedCluster("127.0.0.1", 0, Duration.ofMillis(200), api);

	private static final WireMockServer instances = new WireMockServer(options().dynamicPort());

	@Autowired
	private KubernetesClient kubernetes;

	@Autowired
	private TestDatabase database;

	@Autowired
	private InstanceCommands commands;

	@Autowired
	private HealthChecks healthChecks;

	@Autowired
	private UsageCollection usage;

	private Provisioning provisioning;

	@DynamicPropertySource
	static void cluster(DynamicPropertyRegistry registry) {
		cluster.start();
		instances.start();
		registry.add("mindroom.kubernetes.mode", () -> "kubeconfig");
		registry.add("mindroom.kubernetes.kubeconfig", () -> kubeconfig(cluster.url()).toString());
		registry.add("mindroom.provisioner.health.health-url", () -> instances.baseUrl() + "/{namespace}/api/health");
		registry.add("mindroom.provisioner.health.usage-url",
				() -> instances.baseUrl() + "/{namespace}/api/platform/usage?day={day}");
	}

	@AfterAll
	static void stop() {
		cluster.close();
		instances.stop();
	}

	@BeforeEach
	void seed() {
		this.provisioning = new Provisioning(new TestData(this.database.dataSource()));
	}

	@AfterEach
	void heal() {
		api.heal();
	}

	@Test
	void apiErrorsAreRetriedWithBackoffThenErrorThenRecoveryWhenTheServerHeals() {
		api.failWith500((request) -> true);
		UUID instance = this.provisioning.instance("free", "flaky");

		this.provisioning.awaitError(instance);
		Map<String, Object> row = this.provisioning.row(instance);
		assertThat((String) row.get("last_error")).startsWith("The Kubernetes API answered 500");
		assertThat(row.get("attempts")).isEqualTo(3);
		assertThat(this.provisioning.events(instance))
			.anyMatch((event) -> event.startsWith("error: Attempt 1 failed: The Kubernetes API answered 500"))
			.anyMatch((event) -> event.startsWith("error: Attempt 2 failed: "))
			.anyMatch((event) -> event.startsWith("observed: Provisioning failed after 3 attempts: "));

		api.heal();
		this.provisioning.awaitObserved(instance, "running");
		row = this.provisioning.row(instance);
		assertThat(row.get("attempts")).isEqualTo(0);
		assertThat(row.get("last_error")).isNull();
		assertThat(this.provisioning.events(instance)).contains("observed: Retrying the provisioning of MindRoom");
	}

	@Test
	void timeoutsAreRetriedAndAnAdministratorCanRetryAtOnce() {
		api.answerLate((request) -> true, Duration.ofSeconds(5));
		UUID instance = this.provisioning.instance("free", "slow");

		await().atMost(Duration.ofSeconds(30)).until(() -> this.provisioning.row(instance).get("last_error") != null);
		assertThat((String) this.provisioning.row(instance).get("last_error"))
			.isEqualTo("The Kubernetes API did not answer in time");
		this.provisioning.awaitError(instance);

		api.heal();
		assertThat(this.commands.retryNow(instance, "admin")).isTrue();
		this.provisioning.awaitObserved(instance, "running");
	}

	@Test
	void aPassThatFailsAfterCreatingTheNamespaceConvergesOnTheNextOne() {
		api.failWith500((request) -> !NAMESPACE_REQUEST.matcher(request.getPath()).matches());
		UUID instance = this.provisioning.instance("starter", "crash");
		String namespace = "mindroom-" + this.provisioning.row(instance).get("slug");

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.kubernetes.namespaces().withName(namespace).get() != null
					&& this.provisioning.row(instance).get("last_error") != null);
		assertThat((String) this.provisioning.row(instance).get("last_error"))
			.startsWith("The Kubernetes API answered 500");

		api.heal();
		this.provisioning.awaitObserved(instance, "running");
		assertThat(this.kubernetes.apps().deployments().inNamespace(namespace).list().getItems()).hasSize(2);
		assertThat(this.provisioning.events(instance))
			.filteredOn((event) -> event.equals("progress: Creating namespace " + namespace))
			.hasSize(1);
	}

	@Test
	void anInstanceHeldByACrashedReplicaIsTakenOverWhenItsLeaseEnds() {
		UUID instance = crashedReplicaInstance();
		String namespace = this.provisioning.namespace(instance);

		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.until(() -> "crashed-replica".equals(this.provisioning.row(instance).get("claimed_by")));
		this.provisioning.awaitObserved(instance, "running");
		assertThat(this.provisioning.row(instance).get("claimed_by")).isNull();
		assertThat(this.kubernetes.namespaces().withName(namespace).get().getMetadata().getLabels())
			.containsEntry("mindroom.io/instance", instance.toString());
	}

	@Test
	void anErrorFromTheHealthEndpointMarksTheInstanceDegradedUntilItRecovers() {
		UUID instance = this.provisioning.instance("free", "sick");
		this.provisioning.awaitObserved(instance, "running");
		String namespace = this.provisioning.namespace(instance);

		instances.stubFor(get("/" + namespace + "/api/health").willReturn(aResponse().withStatus(503)));
		this.healthChecks.checkAll();
		Map<String, Object> row = this.provisioning.row(instance);
		assertThat(row).containsEntry("observed_state", "degraded")
			.containsEntry("health_status", "degraded")
			.containsEntry("health_reason", "its health endpoint answered 503");

		instances.stubFor(get("/" + namespace + "/api/health").willReturn(aResponse().withStatus(200)));
		this.healthChecks.checkAll();
		assertThat(this.provisioning.row(instance)).containsEntry("observed_state", "running")
			.containsEntry("health_status", "up");
		assertThat(this.provisioning.events(instance)).containsSubsequence(
				"health: MindRoom is degraded: its health endpoint answered 503", "health: MindRoom is healthy");
		assertThat(this.provisioning.data()
			.jdbc()
			.sql("select sum(checks) as checks, sum(up_checks) as up, sum(degraded_checks) as degraded "
					+ "from mindroom.uptime_hourly " + "where instance_id = ?")
			.param(instance)
			.query()
			.singleRow()
			.values()).map(String::valueOf).containsExactly("2", "1", "1");
	}

	@Test
	void usageIsReadFromTheInstanceWithItsOwnPlatformToken() {
		UUID instance = this.provisioning.instance("starter", "counted");
		this.provisioning.awaitObserved(instance, "running");
		String namespace = this.provisioning.namespace(instance);
		String token = this.kubernetes.secrets()
			.inNamespace(namespace)
			.withName("mindroom-tenant")
			.get()
			.getStringData()
			.get("platform-api-token");
		instances.stubFor(get(urlPathEqualTo("/" + namespace + "/api/platform/usage"))
			.withQueryParam("day", equalTo("2026-03-14"))
			.withHeader("Authorization", equalTo("Bearer " + token))
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody("{\"messages\": 420, \"activeAgents\": 2, \"storageBytes\": 1048576}")));

		this.usage.collect(LocalDate.of(2026, 3, 14));
		assertThat(this.provisioning.data()
			.jdbc()
			.sql("select messages, active_agents, storage_bytes from mindroom.usage_daily where instance_id = ?")
			.param(instance)
			.query()
			.singleRow()).containsEntry("messages", 420L)
			.containsEntry("active_agents", 2)
			.containsEntry("storage_bytes", 1048576L);
	}

	private UUID crashedReplicaInstance() {
		TestData data = this.provisioning.data();
		UUID account = data.account("orphan");
		UUID subscription = data.subscription(account, "active", "free");
		UUID instance = UUID.randomUUID();
		String slug = "orphan-" + instance.toString().substring(0, 6);
		this.kubernetes
			.resource(new NamespaceBuilder().withNewMetadata().withName("mindroom-" + slug).endMetadata().build())
			.create();
		data.jdbc().sql("""
				insert into mindroom.instances (id, account_id, subscription_id, slug, plan, namespace, observed_state,
				    claimed_by, claimed_until)
				values (?, ?, ?, ?, 'free', ?, 'provisioning', 'crashed-replica', now() + interval '2 seconds')
				""").params(instance, account, subscription, slug, "mindroom-" + slug).update();
		return instance;
	}

	private static Path kubeconfig(String server) {
		try {
			Path file = Files.createTempFile("kubeconfig-", ".yaml");
			file.toFile().deleteOnExit();
			Files.writeString(file, """
					apiVersion: v1
					kind: Config
					clusters:
					  - name: simulated
					    cluster:
					      server: %s
					contexts:
					  - name: simulated
					    context:
					      cluster: simulated
					      user: tester
					      namespace: default
					current-context: simulated
					users:
					  - name: tester
					    user:
					      token: not-a-real-token
					""".formatted(server));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
