package com.mindroom.provisioner.reconcile;

import java.util.List;

import com.mindroom.common.lifecycle.ObservedState;
import com.mindroom.provisioner.cluster.Tenant;
import com.mindroom.provisioner.cluster.TenantCluster;
import com.mindroom.provisioner.secret.TenantSecrets;

/**
 * Deletes an instance: its objects, its Secret and its namespace (keeping the volumes
 * when retention is configured), then forgets its generated secrets. A namespace that is
 * still terminating is checked again shortly.
 */
class InstanceDeletion {

	private final TenantCluster cluster;

	private final TenantSecrets secrets;

	private final Progress progress;

	private final boolean retainVolumes;

	InstanceDeletion(TenantCluster cluster, TenantSecrets secrets, Progress progress, boolean retainVolumes) {
		this.cluster = cluster;
		this.secrets = secrets;
		this.progress = progress;
		this.retainVolumes = retainVolumes;
	}

	Outcome reconcile(Claim claim) {
		Tenant tenant = claim.tenant();
		this.progress.begin(claim, ObservedState.DELETING,
				this.retainVolumes ? "Deleting MindRoom (its volumes are kept)" : "Deleting MindRoom and its data");
		if (this.cluster.namespaceExists(tenant)) {
			if (this.retainVolumes) {
				List<String> kept = this.cluster.retainVolumes(tenant);
				if (!kept.isEmpty()) {
					this.progress.step(claim, "Keeping " + kept.size() + " volumes for a later restore");
				}
			}
			List<String> removed = this.cluster.deleteOwned(tenant, false);
			if (!removed.isEmpty()) {
				this.progress.step(claim, "Removed " + removed.size() + " objects and the tenant secret");
			}
			this.progress.step(claim, "Deleting namespace " + tenant.namespace());
			if (!this.cluster.deleteNamespace(tenant)) {
				return new Outcome.Waiting(ObservedState.DELETING);
			}
		}
		this.secrets.delete(claim.id());
		return new Outcome.Settled(ObservedState.DELETED, this.retainVolumes
				? "MindRoom was deleted; its volumes are kept for a restore" : "MindRoom was deleted with its data");
	}

}
