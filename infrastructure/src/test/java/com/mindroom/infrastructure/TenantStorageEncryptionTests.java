package com.mindroom.infrastructure;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static com.mindroom.infrastructure.Manifests.at;
import static com.mindroom.infrastructure.Manifests.list;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Encryption at rest of the tenants' data: the platform chart renders a StorageClass of
 * the Hetzner CSI driver with LUKS encryption from the per-cluster passphrase Secret,
 * tells the provisioner to use it, and the tenant chart's volume claims then ask for it.
 */
class TenantStorageEncryptionTests {

	private static final Path PLATFORM = ChartSupport.chart("infrastructure/helm/platform");

	private static final Path INSTANCE = ChartSupport.chart("infrastructure/helm/mindroom-instance");

	private static final Path VALUES = ChartSupport.resource("platform-values.yaml");

	@Test
	void tenantVolumesAreLuksEncryptedWithThePerClusterSecret() {
		Manifests platform = Manifests.parse(ChartSupport.template(PLATFORM).withValuesFile(VALUES).call());
		Map<String, Object> storageClass = platform.get("StorageClass", "hcloud-volumes-encrypted");

		assertThat(storageClass).containsEntry("provisioner", "csi.hetzner.cloud")
			.containsEntry("volumeBindingMode", "WaitForFirstConsumer")
			.containsEntry("allowVolumeExpansion", true);
		assertThat(Manifests.map(storageClass.get("parameters")))
			.containsExactlyInAnyOrderEntriesOf(Map.of("csi.storage.k8s.io/node-publish-secret-name",
					"hcloud-csi-encryption", "csi.storage.k8s.io/node-publish-secret-namespace", "kube-system"));
		assertThat(platform.ofKind("Secret")).isEmpty();
		String providedClass = provisionerEnv(platform, "MINDROOM_STORAGE_CLASS");
		assertThat(providedClass).isEqualTo("hcloud-volumes-encrypted");

		Manifests tenant = Manifests.parse(ChartSupport.template(INSTANCE)
			.withValuesFile(ChartSupport.resource("instance-values.yaml"))
			.set("storage.className", providedClass)
			.call());
		assertThat(tenant.ofKind("PersistentVolumeClaim")).hasSize(2)
			.allSatisfy((claim) -> assertThat(at(claim, "spec", "storageClassName")).isEqualTo(providedClass));
	}

	@Test
	void withoutEncryptionTheProvisionerUsesThePlainClassAndNoneIsRendered() {
		Manifests platform = Manifests.parse(ChartSupport.template(PLATFORM)
			.withValuesFile(VALUES)
			.set("tenantStorage.encryption.enabled", "false")
			.call());

		assertThat(platform.ofKind("StorageClass")).isEmpty();
		assertThat(provisionerEnv(platform, "MINDROOM_STORAGE_CLASS")).isEqualTo("hcloud-volumes");
	}

	private static String provisionerEnv(Manifests manifests, String name) {
		List<Map<String, Object>> env = list(
				list(at(Manifests.podSpec(manifests.get("Deployment", "instance-provisioner")), "containers")).get(0)
					.get("env"));
		return env.stream()
			.filter((e) -> name.equals(e.get("name")))
			.map((e) -> (String) e.get("value"))
			.findFirst()
			.orElse(null);
	}

}
