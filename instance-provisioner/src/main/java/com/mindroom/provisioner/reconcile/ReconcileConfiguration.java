package com.mindroom.provisioner.reconcile;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import com.mindroom.common.instance.InstanceProperties;
import com.mindroom.common.plan.PlanCatalog;
import com.mindroom.provisioner.chart.InstanceChart;
import com.mindroom.provisioner.chart.InstanceValues;
import com.mindroom.provisioner.cluster.ClusterCache;
import com.mindroom.provisioner.cluster.ClusterInfo;
import com.mindroom.provisioner.cluster.TenantCluster;
import com.mindroom.provisioner.secret.TenantSecrets;
import com.mindroom.provisioner.system.ProvisionerProperties;
import com.mindroom.provisioner.system.ReplicaId;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the reconcile loop of this replica ({@code mindroom.provisioner.enabled}).
 */
@Configuration(proxyBeanMethods = false)
class ReconcileConfiguration {

	@Bean
	InstanceEvents instanceEvents(JdbcClient jdbc) {
		return new InstanceEvents(jdbc);
	}

	@Bean
	ReconcileQueue reconcileQueue(JdbcClient jdbc, PlatformTransactionManager transactionManager, InstanceEvents events,
			InstanceProperties instances, JsonMapper json) {
		return new ReconcileQueue(jdbc, new TransactionTemplate(transactionManager), events, instances, json);
	}

	@Bean
	InstanceWakeups instanceWakeups(ReconcileQueue queue) {
		return new InstanceWakeups(queue);
	}

	@Bean
	InstanceReconciler instanceReconciler(PlanCatalog plans, InstanceChart chart, InstanceValues values,
			TenantSecrets secrets, TenantCluster cluster, ClusterCache cache, ClusterInfo clusterInfo,
			ReconcileQueue queue, InstanceEvents events, ProvisionerProperties properties) {
		Progress progress = new Progress(queue, events);
		Readiness readiness = new Readiness(cache, progress, clusterInfo, properties.readinessTimeout());
		InstanceRollout rollout = new InstanceRollout(plans, chart, values, secrets, cluster, new DriftCheck(cache),
				progress, readiness);
		return new InstanceReconciler(rollout,
				new InstanceDeletion(cluster, secrets, progress, properties.retainVolumes()));
	}

	@Bean
	@ConditionalOnProperty(name = "mindroom.provisioner.enabled", havingValue = "true", matchIfMissing = true)
	ReconcileLoop reconcileLoop(ReconcileQueue queue, InstanceReconciler reconciler, ProvisionerProperties properties,
			ReplicaId replica, ClusterCache cache, ObjectProvider<MeterRegistry> meters) {
		return new ReconcileLoop(queue, reconciler, properties, replica.value(), cache::synced,
				meters.getIfAvailable());
	}

	@Bean
	@ConditionalOnProperty(name = "mindroom.provisioner.enabled", havingValue = "true", matchIfMissing = true)
	ChangeListener changeListener(DataSource dataSource, ReconcileLoop loop) {
		return new ChangeListener(dataSource, loop::wake);
	}

}
