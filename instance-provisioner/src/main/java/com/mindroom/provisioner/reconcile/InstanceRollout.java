package com.mindroom.provisioner.reconcile;

import java.net.URI;
import java.util.List;

import io.fabric8.kubernetes.api.model.HasMetadata;

import com.mindroom.common.lifecycle.DesiredState;
import com.mindroom.common.lifecycle.ObservedState;
import com.mindroom.common.plan.Plan;
import com.mindroom.common.plan.PlanCatalog;
import com.mindroom.provisioner.chart.ChartInstance;
import com.mindroom.provisioner.chart.ChartValues;
import com.mindroom.provisioner.chart.InstanceChart;
import com.mindroom.provisioner.chart.InstanceValues;
import com.mindroom.provisioner.cluster.Tenant;
import com.mindroom.provisioner.cluster.TenantCluster;
import com.mindroom.provisioner.secret.TenantSecrets;

/**
 * Converges an instance that should run or be suspended: when its spec, chart or values
 * changed, the previous pass failed, or the sweep found drift, it ensures the namespace
 * and the tenant Secret, renders the chart and applies it, prunes what is no longer
 * rendered, then reads the workloads' readiness and never waits for it (the instance is
 * requeued and checked again).
 */
class InstanceRollout {

	private final PlanCatalog plans;

	private final InstanceChart chart;

	private final InstanceValues values;

	private final TenantSecrets secrets;

	private final TenantCluster cluster;

	private final DriftCheck drift;

	private final Progress progress;

	private final Readiness readiness;

	InstanceRollout(PlanCatalog plans, InstanceChart chart, InstanceValues values, TenantSecrets secrets,
			TenantCluster cluster, DriftCheck drift, Progress progress, Readiness readiness) {
		this.plans = plans;
		this.chart = chart;
		this.values = values;
		this.secrets = secrets;
		this.cluster = cluster;
		this.drift = drift;
		this.progress = progress;
		this.readiness = readiness;
	}

	Outcome reconcile(Claim claim) {
		Plan plan = this.plans.require(claim.plan());
		ChartValues chartValues = this.values.of(chartInstance(claim), plan);
		if (!needsApply(claim, chartValues)) {
			if (!claim.settled()) {
				return this.readiness.check(claim, claim.inventory(), claim.rolloutStartedAt());
			}
			List<String> drifted = this.drift.of(claim);
			if (drifted.isEmpty()) {
				return new Outcome.Unchanged();
			}
			this.progress.begin(claim, transitional(claim), "Repairing drift: " + String.join(", ", drifted));
		}
		else {
			this.progress.begin(claim, transitional(claim), beginMessage(claim, plan));
		}
		Inventory applied = apply(claim, chartValues);
		return this.readiness.check(claim, applied, claim.now());
	}

	private boolean needsApply(Claim claim, ChartValues chartValues) {
		return claim.inventory() == null || claim.appliedGeneration() < claim.generation()
				|| !chartValues.hash().equals(claim.valuesHash()) || !this.chart.version().equals(claim.chartVersion())
				|| claim.lastError() != null || claim.observed() == ObservedState.ERROR;
	}

	private Inventory apply(Claim claim, ChartValues chartValues) {
		Tenant tenant = claim.tenant();
		boolean created = this.cluster.ensureNamespace(tenant,
				() -> this.progress.step(claim, "Creating namespace " + tenant.namespace()));
		this.cluster.applySecret(tenant, InstanceValues.SECRET_NAME, this.secrets.ensure(claim.id()),
				() -> this.progress.step(claim, "Creating the tenant secret"));
		if (claim.reprovisionPending()) {
			List<String> removed = this.cluster.deleteOwned(tenant, true);
			this.progress.step(claim, "Reprovisioning: removed " + removed.size()
					+ " objects to create them again (data volumes and secret kept)");
		}
		String release = "mindroom-" + claim.slug();
		List<HasMetadata> objects = this.chart.render(release, tenant.namespace(), chartValues.values());
		this.progress.step(claim,
				"Applying " + objects.size() + " objects of chart " + this.chart.name() + " " + this.chart.version());
		List<HasMetadata> applied = this.cluster.apply(tenant, objects, this.chart.name() + "-" + this.chart.version());
		if (!created) {
			List<String> pruned = this.cluster.prune(tenant, objects, InstanceValues.SECRET_NAME);
			if (!pruned.isEmpty()) {
				this.progress.step(claim, "Removed what the chart no longer renders: " + String.join(", ", pruned));
			}
		}
		Inventory inventory = Inventory.of(applied);
		this.progress.applied(claim,
				new Applied(this.chart.version(), chartValues.hash(), release, inventory, claim.reprovisionPending()));
		return inventory;
	}

	private static ObservedState transitional(Claim claim) {
		return (claim.desired() == DesiredState.RUNNING) ? ObservedState.PROVISIONING : ObservedState.SUSPENDING;
	}

	private static String beginMessage(Claim claim, Plan plan) {
		if (claim.desired() == DesiredState.SUSPENDED) {
			return "Suspending MindRoom (scaling to zero, data is kept)";
		}
		return switch (claim.observed()) {
			case PENDING -> "Provisioning MindRoom on the " + plan.name() + " plan";
			case SUSPENDED, SUSPENDING -> "Resuming MindRoom";
			case ERROR -> "Retrying the provisioning of MindRoom";
			default -> claim.reprovisionPending() ? "Reprovisioning MindRoom"
					: claim.restartPending() ? "Restarting MindRoom" : "Rolling out a change to MindRoom";
		};
	}

	private static ChartInstance chartInstance(Claim claim) {
		return new ChartInstance(claim.id(), claim.accountId(), claim.slug(), claim.plan(), host(claim.url()),
				host(claim.matrixUrl()), claim.desired() == DesiredState.RUNNING, claim.restartRequestedAt());
	}

	private static String host(String url) {
		return URI.create(url).getHost();
	}

}
