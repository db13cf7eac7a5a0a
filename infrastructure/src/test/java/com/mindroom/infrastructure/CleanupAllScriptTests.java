package com.mindroom.infrastructure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.mindroom.infrastructure.ScriptSandbox.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scripts/cleanup-all.sh against recording stubs: it asks first, then removes everything
 * in the reverse order of the deployment.
 */
class CleanupAllScriptTests {

	private static final String SCRIPT = "scripts/cleanup-all.sh";

	@TempDir
	Path temp;

	@Test
	void changesNothingUnlessConfirmed() {
		ScriptSandbox sandbox = new ScriptSandbox(this.temp);

		Result unanswered = sandbox.run(SCRIPT);
		Result wrongAnswer = sandbox.runWithInput("yes\n", SCRIPT);

		for (Result result : List.of(unanswered, wrongAnswer)) {
			assertThat(result.exitCode()).isNotZero();
			assertThat(result.output()).contains("Type the domain (mindroom.example.com) to confirm",
					"not confirmed; nothing was changed");
			assertThat(result.calls()).isEmpty();
		}
	}

	@Test
	void removesEverythingInReverseOrderOnceConfirmed() throws IOException {
		ScriptSandbox sandbox = new ScriptSandbox(this.temp).set("STUB_TENANTS", "");
		assertThat(sandbox.run("scripts/deploy-all.sh").exitCode()).isZero();

		Result result = sandbox.runWithInput("mindroom.example.com\n", SCRIPT);

		assertThat(result.exitCode()).as(result.output()).isZero();
		List<Integer> order = Stream.of(result.indexOf("curl", "-X DELETE", "/v1/webhook_endpoints/"),
				result.indexOf("helm uninstall mindroom-platform"), result.indexOf("kubectl delete namespace mindroom"),
				result.indexOf("helm uninstall ingress-nginx"), result.indexOf("helm uninstall cert-manager"),
				result.indexOf("helm uninstall hccm"), result.indexOf("terraform", " destroy "))
			.toList();
		assertThat(order).doesNotContain(-1).isSorted();
		assertThat(Files.exists(sandbox.deployState())).isFalse();
		assertThat(Files.readString(sandbox.stubState().resolve("stripe/endpoints.json")).strip()).isEqualTo("[]");
	}

	@Test
	void deletesTenantNamespacesBeforeTheStorageDriverGoes() {
		ScriptSandbox sandbox = new ScriptSandbox(this.temp);
		assertThat(sandbox.run("scripts/deploy-all.sh").exitCode()).isZero();

		Result result = sandbox.run(SCRIPT, "--yes");

		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.indexOf("kubectl delete namespace mindroom-acme mindroom-globex")).isNotNegative()
			.isLessThan(result.indexOf("helm uninstall hcloud-csi"));
	}

	@Test
	void dryRunRunsNothing() {
		Result result = new ScriptSandbox(this.temp).run(SCRIPT, "--dry-run");

		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.calls()).isEmpty();
		assertThat(result.output()).contains("+ helm uninstall mindroom-platform",
				"destroy -input=false -auto-approve");
	}

}
