package com.mindroom.provisioner.health;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.common.db.Timestamps;
import com.mindroom.provisioner.cluster.ClusterCache;
import com.mindroom.provisioner.reconcile.InstanceEvents;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Checks every running instance: its workloads' ready replicas from the watched cluster
 * cache and, when reachable, its health endpoint. The result marks the instance
 * {@code running} or {@code degraded} with the reason, and is counted per hour in
 * {@code uptime_hourly}, from which uptime is computed. An instance a reconcile pass is
 * working on keeps the state that pass gives it.
 */
public class HealthChecks {

	private static final Logger logger = LoggerFactory.getLogger(HealthChecks.class);

	private final JdbcClient jdbc;

	private final ClusterCache cache;

	private final InstanceProbe probe;

	private final InstanceEvents events;

	private final ExecutorService executor;

	private final Clock clock;

	public HealthChecks(JdbcClient jdbc, ClusterCache cache, InstanceProbe probe, InstanceEvents events,
			ExecutorService executor, Clock clock) {
		this.jdbc = jdbc;
		this.cache = cache;
		this.probe = probe;
		this.events = events;
		this.executor = executor;
		this.clock = clock;
	}

	/**
	 * Checks every running instance once.
	 * @return how many instances were checked
	 */
	public int checkAll() {
		List<MonitoredInstance> instances = this.jdbc.sql("""
				select id, account_id, slug, plan, namespace from instances
				where desired_state = 'running' and observed_state in ('running', 'degraded')
				  and observed_generation = generation and namespace is not null
				order by id
				""").query(HealthChecks::instanceOf).list();
		List<CompletableFuture<Void>> checks = instances.stream()
			.map((instance) -> CompletableFuture.runAsync(() -> checkQuietly(instance), this.executor))
			.toList();
		CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).join();
		logger.info("Checked the health of {} instances", instances.size());
		return instances.size();
	}

	private void checkQuietly(MonitoredInstance instance) {
		try {
			InstanceHealth health = InstanceHealth.of(this.cache.workloads(instance.namespace()),
					this.probe.health(instance));
			record(instance, health);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not check the health of instance {}: {}", instance.id(), ex.getMessage());
		}
	}

	void record(MonitoredInstance instance, InstanceHealth health) {
		String observed = health.up() ? "running" : "degraded";
		String before = this.jdbc.sql("""
				with old as (select health_status as previous from instances where id = :id for update)
				update instances i set health_status = :status, health_reason = :reason, health_checked_at = now(),
				    observed_state = case when i.observed_state in ('running', 'degraded')
				        and i.observed_generation = i.generation
				        and (i.claimed_until is null or i.claimed_until < now()) then :observed
				        else i.observed_state end
				from old where i.id = :id
				returning coalesce(old.previous, 'unknown')
				""")
			.param("id", instance.id())
			.param("status", health.status())
			.param("reason", health.reason())
			.param("observed", observed)
			.query(String.class)
			.optional()
			.orElse(null);
		if (before == null) {
			return;
		}
		countCheck(instance, health);
		if (!Objects.equals(before, health.status())) {
			this.events.health(instance.id(), before, health.status(), message(health));
			logger.info("Instance {} is {}{}", instance.id(), health.status(),
					(health.reason() != null) ? ": " + health.reason() : "");
		}
	}

	private void countCheck(MonitoredInstance instance, InstanceHealth health) {
		this.jdbc.sql("""
				insert into uptime_hourly (instance_id, account_id, hour, checks, up_checks, degraded_checks)
				values (?, ?, ?, 1, ?, ?)
				on conflict (instance_id, hour) do update set checks = uptime_hourly.checks + 1,
				    up_checks = uptime_hourly.up_checks + excluded.up_checks,
				    degraded_checks = uptime_hourly.degraded_checks + excluded.degraded_checks
				""")
			.params(instance.id(), instance.accountId(),
					Timestamps.toDb(this.clock.instant().truncatedTo(ChronoUnit.HOURS)), health.up() ? 1 : 0,
					InstanceHealth.DEGRADED.equals(health.status()) ? 1 : 0)
			.update();
	}

	private static String message(InstanceHealth health) {
		return switch (health.status()) {
			case InstanceHealth.UP -> "MindRoom is healthy";
			case InstanceHealth.DOWN -> "MindRoom is down: " + health.reason();
			default -> "MindRoom is degraded: " + health.reason();
		};
	}

	static MonitoredInstance instanceOf(ResultSet rs, int row) throws SQLException {
		return new MonitoredInstance(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
				rs.getString("slug"), rs.getString("plan"), rs.getString("namespace"));
	}

}
