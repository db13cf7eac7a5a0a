package com.mindroom.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Terraform configuration, as far as it can be checked without downloading providers:
 * formatting, the variables' validation rules, and the provider-free module that renders
 * each node's configuration.
 */
class TerraformTests {

	private static final Path TERRAFORM = ScriptSandbox.REPOSITORY.resolve("infrastructure/terraform");

	private static final String VALID = """
			hcloud_token   = "%s"
			operator_cidrs = ["203.0.113.7/32", "2001:db8::/64"]
			ssh_public_key = "ssh-ed25519 AAAATEST operator@example"
			domain         = "mindroom.example.com"
			dns_zone       = "example.com"
			""".formatted("a".repeat(64));

	@TempDir
	static Path variablesRoot;

	@BeforeAll
	static void initVariablesOnlyRoot() throws IOException {
		// Terraform is not a Debian package (.ci/run cannot install it); the build
		// machines have it
		assumeTrue(onPath("terraform"), "terraform is not on PATH: the Terraform checks are skipped");
		Files.copy(TERRAFORM.resolve("variables.tf"), variablesRoot.resolve("variables.tf"));
		assertThat(terraform(variablesRoot, "init", "-input=false", "-backend=false").exitCode()).isZero();
	}

	@Test
	void isFormattedCanonically() {
		Run run = terraform(ScriptSandbox.REPOSITORY, "fmt", "-check", "-recursive", "-diff", TERRAFORM.toString());

		assertThat(run.exitCode()).as(run.output()).isZero();
	}

	@Test
	void acceptsRepresentativeSettings() {
		Run run = plan(VALID);

		assertThat(run.exitCode()).as(run.output()).isZero();
	}

	@Test
	void neverOpensSshAndTheApiToTheWholeInternetByDefault() {
		assertThat(plan(VALID.replace("[\"203.0.113.7/32\", \"2001:db8::/64\"]", "[\"0.0.0.0/0\"]")).messages())
			.contains("must not open SSH and the Kubernetes API to the whole internet");
		assertThat(plan(VALID.replace("[\"203.0.113.7/32\", \"2001:db8::/64\"]", "[\"::/0\"]")).exitCode()).isNotZero();
		assertThat(plan(VALID.replace("[\"203.0.113.7/32\", \"2001:db8::/64\"]", "[]")).messages())
			.contains("must list at least one CIDR");
		assertThat(plan(VALID.replace("[\"203.0.113.7/32\", \"2001:db8::/64\"]", "[\"0.0.0.0/0\"]")
				+ "allow_admin_from_anywhere = true\n")
			.exitCode()).isZero();
	}

	@Test
	void validatesTheClusterShape() {
		assertThat(plan(VALID + "control_plane_count = 2\n").messages()).contains("control_plane_count must be 1 or 3");
		assertThat(plan(VALID + "control_plane_count = 3\n").exitCode()).isZero();
		assertThat(plan(VALID + "worker_count = -1\n").messages()).contains("worker_count must be");
		assertThat(plan(VALID + "location = \"mars1\"\n").messages()).contains("location must be one of");
		assertThat(plan(VALID.replace("dns_zone       = \"example.com\"", "dns_zone = \"example.org\"")).messages())
			.contains("dns_zone must be domain or a parent of it");
		assertThat(plan(VALID.replace("a".repeat(64), "short")).messages()).contains("64-character");
	}

	@Test
	void rendersNodeConfigurationWithTheTokenOnlyInTheK3sConfig(@TempDir Path root) throws IOException {
		copy(TERRAFORM.resolve("modules/k3s-node"), root.resolve("modules/k3s-node"));
		Files.writeString(root.resolve("main.tf"), """
				module "first" {
				  source      = "./modules/k3s-node"
				  role        = "server"
				  node_name   = "mindroom-test-control-plane-1"
				  node_ip     = "10.0.1.10"
				  token       = "%1$s"
				  tls_sans    = ["203.0.113.10"]
				  node_taints = ["node-role.kubernetes.io/control-plane=true:NoSchedule"]
				}
				module "worker" {
				  source      = "./modules/k3s-node"
				  role        = "agent"
				  node_name   = "mindroom-test-worker-1"
				  node_ip     = "10.0.1.20"
				  server_url  = "https://10.0.1.10:6443"
				  token       = "%1$s"
				  k3s_version = "v1.33.5+k3s1"
				}
				output "server_config" { value = nonsensitive(module.first.k3s_config) }
				output "server_cloud_init" { value = module.first.cloud_init }
				output "server_install" { value = module.first.install_commands }
				output "worker_config" { value = nonsensitive(module.worker.k3s_config) }
				output "worker_install" { value = module.worker.install_commands }
				""".formatted("t0ken".repeat(8)));
		assertThat(terraform(root, "init", "-input=false").exitCode()).isZero();
		Run apply = terraform(root, "apply", "-no-color", "-input=false", "-auto-approve");
		assertThat(apply.exitCode()).as(apply.output()).isZero();
		Map<String, Map<String, Object>> outputs = new Yaml(new SafeConstructor(new LoaderOptions()))
			.load(terraform(root, "output", "-json").output());

		Map<String, Object> server = yaml((String) outputs.get("server_config").get("value"));
		Map<String, Object> worker = yaml((String) outputs.get("worker_config").get("value"));
		String cloudInit = (String) outputs.get("server_cloud_init").get("value");
		assertThat(server).containsEntry("cluster-init", true)
			.containsEntry("disable-cloud-controller", true)
			.containsEntry("kubelet-arg", List.of("cloud-provider=external"))
			.containsEntry("tls-san", List.of("203.0.113.10"))
			.containsEntry("node-ip", "10.0.1.10")
			.containsEntry("token", "t0ken".repeat(8))
			.doesNotContainKey("server");
		assertThat(server.get("disable")).asString()
			.contains("traefik", "servicelb", "local-storage", "metrics-server");
		assertThat(worker).containsEntry("server", "https://10.0.1.10:6443")
			.doesNotContainKeys("cluster-init", "disable", "tls-san");
		assertThat(cloudInit).startsWith("#cloud-config").doesNotContain("t0ken");
		assertThat(yaml(cloudInit)).containsKeys("packages", "write_files", "runcmd");
		assertThat(yaml(cloudInit).get("packages")).asString().contains("cryptsetup");
		assertThat(outputs.get("server_install").get("value").toString()).contains("INSTALL_K3S_EXEC=server",
				"INSTALL_K3S_CHANNEL='v1.33'");
		assertThat(outputs.get("worker_install").get("value").toString()).contains("INSTALL_K3S_EXEC=agent",
				"INSTALL_K3S_VERSION='v1.33.5+k3s1'");
	}

	private static boolean onPath(String command) {
		return Stream.of(System.getenv("PATH").split(":")).anyMatch((dir) -> Files.isExecutable(Path.of(dir, command)));
	}

	private static Run plan(String tfvars) {
		try {
			Files.writeString(variablesRoot.resolve("test.tfvars"), tfvars);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return terraform(variablesRoot, "plan", "-no-color", "-input=false", "-lock=false", "-var-file=test.tfvars");
	}

	private static Map<String, Object> yaml(String text) {
		return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
	}

	private static void copy(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target);
				}
			}
		}
	}

	static Run terraform(Path directory, String... arguments) {
		List<String> command = new ArrayList<>(List.of("terraform"));
		command.addAll(List.of(arguments));
		try {
			Path output = Files.createTempFile("terraform", ".out");
			ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile());
			builder.environment().put("CHECKPOINT_DISABLE", "1");
			builder.environment().put("TF_CLI_CONFIG_FILE", "/dev/null");
			builder.environment().put("TF_IN_AUTOMATION", "1");
			builder.environment().put("NO_COLOR", "1");
			Process process = builder.start();
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("terraform " + String.join(" ", arguments) + " timed out");
			}
			String text = Files.readString(output);
			Files.delete(output);
			return new Run(process.exitValue(), text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Exit code and combined output of one terraform command. */
	record Run(int exitCode, String output) {

		/**
		 * The output without Terraform's box drawing and line wrapping, for looking up
		 * messages.
		 */
		String messages() {
			return this.output.replace("│", " ").replaceAll("\\s+", " ");
		}

	}

}
