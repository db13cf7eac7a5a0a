package com.mindroom.infrastructure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.mindroom.infrastructure.ScriptSandbox.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scripts/deploy-all.sh against recording stubs: the order of its steps, idempotence,
 * resuming, dry runs, up-front checks, and that no secret value leaves through its output
 * or a command line.
 */
class DeployAllScriptTests {

	private static final String SCRIPT = "scripts/deploy-all.sh";

	@TempDir
	Path temp;

	@Test
	void runsTheStepsInOrder() {
		Result result = new ScriptSandbox(this.temp).run(SCRIPT);

		assertThat(result.exitCode()).as(result.output()).isZero();
		List<Integer> order = Stream
			.of(result.indexOf("terraform", " init "), result.indexOf("terraform", " apply "),
					result.indexOf("ssh", "root@203.0.113.10"), result.indexOf("kubectl wait --for=condition=Ready"),
					result.indexOf("helm upgrade --install hccm"), result.indexOf("helm upgrade --install hcloud-csi"),
					result.indexOf("kubectl", "get secret hcloud-csi-encryption"),
					result.indexOf("helm upgrade --install cert-manager"),
					result.indexOf("helm upgrade --install ingress-nginx"),
					result.indexOf("helm upgrade --install mindroom-cluster"), result.indexOf("mvnw", "flyway:migrate"),
					result.indexOf("mvnw", " install "), result.indexOf("mvnw", "jib:build"),
					result.indexOf("helm upgrade --install mindroom-platform"), result.indexOf("curl", "/v1/prices"),
					result.indexOf("curl", "/v1/webhook_endpoints"),
					result.indexOf("curl", "https://app.mindroom.example.com/robots.txt"),
					result.indexOf("curl", "https://api.mindroom.example.com/api/v1/openapi"))
			.toList();
		assertThat(order).doesNotContain(-1).isSorted();
		assertThat(result.output()).contains("MindRoom Cloud is deployed: https://app.mindroom.example.com")
			.contains("Secret kube-system/hcloud-csi-encryption with keys: encryption-passphrase");
	}

	@Test
	void passesTheDeploymentSettingsToEachTool() throws IOException {
		ScriptSandbox sandbox = new ScriptSandbox(this.temp);
		Result result = sandbox.run(SCRIPT);

		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(Files.readString(sandbox.stubState().resolve("terraform-operator-cidrs")).strip())
			.isEqualTo("[\"203.0.113.7/32\",\"2001:db8::/64\"]");
		assertThat(Files.readAllLines(sandbox.stubState().resolve("terraform-vars"))).contains("TF_VAR_hcloud_token",
				"TF_VAR_domain", "TF_VAR_dns_provider", "TF_VAR_ssh_public_key", "TF_VAR_kubeconfig_path");
		assertThat(result.callsContaining("jib:build").get(0))
			.contains("-pl " + String.join(",", "gateway", "customer-portal", "admin-dashboard", "stripe-handler",
					"instance-provisioner"))
			.contains("-Dmindroom.image.tag=0123456789ab");
		String values = Files.readString(sandbox.deployState().resolve("platform-values.json"));
		assertThat(values).contains("\"tag\": \"0123456789ab\"", "\"domain\": \"mindroom.example.com\"",
				"jdbc:postgresql://aws-0-eu-central-1.pooler.supabase.com:5432/postgres",
				"https://abcdefgh.supabase.co/auth/v1/.well-known/jwks.json", "\"MINDROOM_BACKUP_S3_ENDPOINT\": \"\"");
		assertThat(Files.readString(sandbox.deployState().resolve("kubeconfig")))
			.contains("server: https://203.0.113.10:6443")
			.doesNotContain("127.0.0.1");
		assertThat(Files.readString(sandbox.stubState().resolve("objects/ConfigMap.mindroom.mindroom-stripe-prices")))
			.contains("STRIPE_PRICE_STARTER_MONTHLY", "STRIPE_PRICE_PROFESSIONAL_YEARLY");
	}

	@Test
	void aSecondRunChangesNothing() throws IOException {
		ScriptSandbox sandbox = new ScriptSandbox(this.temp);
		Result first = sandbox.run(SCRIPT);
		String valuesAfterFirst = Files.readString(sandbox.deployState().resolve("platform-values.json"));
		Result second = sandbox.run(SCRIPT);

		assertThat(first.exitCode()).as(first.output()).isZero();
		assertThat(second.exitCode()).as(second.output()).isZero();
		assertThat(first.callsContaining(" created")).isNotEmpty();
		assertThat(first.callsContaining("rollout restart")).hasSize(1);
		assertThat(second.callsContaining(" created")).isEmpty();
		assertThat(second.callsContaining(" configured")).isEmpty();
		assertThat(second.callsContaining(" unchanged")).isNotEmpty();
		assertThat(second.callsContaining("jib:build")).isEmpty();
		assertThat(second.callsContaining("ssh ")).isEmpty();
		assertThat(second.calls()).noneMatch((call) -> call.startsWith("curl") && call.contains("-X POST"));
		assertThat(second.callsContaining("rollout restart")).isEmpty();
		assertThat(second.callsContaining("helm upgrade --install mindroom-platform"))
			.isEqualTo(first.callsContaining("helm upgrade --install mindroom-platform"));
		assertThat(Files.readString(sandbox.deployState().resolve("platform-values.json"))).isEqualTo(valuesAfterFirst);
	}

	@Test
	void replacesTheWebhookEndpointWhenTheClusterLostItsSecret() throws IOException {
		ScriptSandbox sandbox = new ScriptSandbox(this.temp);
		assertThat(sandbox.run(SCRIPT).exitCode()).isZero();
		Files.delete(sandbox.stubState().resolve("objects/Secret.mindroom.mindroom-stripe-webhook"));

		Result result = sandbox.run(SCRIPT, "--from", "stripe");

		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.indexOf("curl", "-X DELETE", "/v1/webhook_endpoints/we_")).isNotNegative();
		assertThat(result.indexOf("curl", "-X POST", "/v1/webhook_endpoints ")).isNotNegative();
		assertThat(result.callsContaining("Secret.mindroom.mindroom-stripe-webhook created")).hasSize(1);
		assertThat(result.callsContaining("rollout restart")).hasSize(1);
	}

	@Test
	void resumesFromTheGivenStep() {
		Result result = new ScriptSandbox(this.temp).run(SCRIPT, "--from", "platform");

		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.calls()).noneMatch((call) -> call.startsWith("terraform") || call.startsWith("mvnw")
				|| call.startsWith("ssh") || call.contains("hccm"));
		assertThat(result.calls().get(0)).startsWith("kubectl apply -f -");
		assertThat(result.indexOf("helm upgrade --install mindroom-platform")).isNotNegative();
		assertThat(result.output()).contains("==> [6/8] platform", "==> [8/8] smoke").doesNotContain("[1/8]");
	}

	@Test
	void dryRunPrintsEveryCommandAndRunsNone() {
		Result result = new ScriptSandbox(this.temp).run(SCRIPT, "--dry-run");

		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.calls()).isEmpty();
		assertThat(result.output()).contains("+ terraform -chdir=", " apply -input=false -auto-approve",
				"+ helm upgrade --install cert-manager", "flyway:migrate", "jib:build",
				"+ helm upgrade --install mindroom-platform", "/v1/webhook_endpoints", "Dry run complete");
	}

	@ParameterizedTest
	@ValueSource(strings = { "PLATFORM_DOMAIN", "HCLOUD_TOKEN", "OPERATOR_CIDRS", "ACME_EMAIL", "SUPABASE_DB_URL",
			"REGISTRY", "GITEA_USER", "GITEA_TOKEN", "STRIPE_SECRET_KEY" })
	void failsFastNamingEachMissingVariable(String variable) {
		Result result = new ScriptSandbox(this.temp).without(variable).run(SCRIPT);

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.output()).contains("- " + variable + ":");
		assertThat(result.calls()).isEmpty();
	}

	@Test
	void asksOnlyForWhatTheChosenStepsNeed() {
		Result result = new ScriptSandbox(this.temp).without("HCLOUD_TOKEN")
			.without("OPERATOR_CIDRS")
			.run(SCRIPT, "--from", "stripe");

		assertThat(result.exitCode()).as(result.output()).isZero();
	}

	@Test
	void neverPrintsOrPassesASecretValue() throws IOException {
		ScriptSandbox sandbox = new ScriptSandbox(this.temp).set("DNS_PROVIDER", "hetzner");
		Result run = sandbox.run(SCRIPT);
		Result dryRun = sandbox.run(SCRIPT, "--dry-run");

		assertThat(run.exitCode()).as(run.output()).isZero();
		for (String secret : ScriptSandbox.SECRETS.values()) {
			assertThat(run.output()).doesNotContain(secret);
			assertThat(dryRun.output()).doesNotContain(secret);
			assertThat(String.join("\n", run.calls())).doesNotContain(secret);
		}
		String platformSecret = Files
			.readString(sandbox.stubState().resolve("objects/Secret.mindroom.mindroom-platform-secrets"));
		assertThat(platformSecret).contains(
				"STRIPE_SECRET_KEY: " + base64(ScriptSandbox.SECRETS.get("STRIPE_SECRET_KEY")),
				"MINDROOM_DB_PASSWORD: " + base64(ScriptSandbox.SECRETS.get("DB_PASSWORD")));
		assertThat(Files.readString(sandbox.deployState().resolve("platform-values.json")))
			.doesNotContain(ScriptSandbox.SECRETS.values());
	}

	@Test
	void refusesTheLatestTag() {
		Result result = new ScriptSandbox(this.temp).set("IMAGE_TAG", "latest").run(SCRIPT);

		assertThat(result.exitCode()).isNotZero();
		assertThat(result.output()).contains("IMAGE_TAG=latest is refused");
		assertThat(result.calls()).isEmpty();
	}

	@Test
	void rejectsAnUnknownStep() {
		Result result = new ScriptSandbox(this.temp).run(SCRIPT, "--from", "everything");

		assertThat(result.exitCode()).isNotZero();
		assertThat(result.output()).contains("unknown step 'everything'");
		assertThat(result.calls()).isEmpty();
	}

	private static String base64(String value) {
		return java.util.Base64.getEncoder().encodeToString(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

}
