package com.mindroom.provisioner.health;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Collects each running instance's usage of a day (messages, active agents, storage) into
 * {@code usage_daily}, once per instance and day: a run collects the previous UTC day for
 * the instances that lack it, so a run that failed for some is made up by the next.
 */
public class UsageCollection {

	private static final Logger logger = LoggerFactory.getLogger(UsageCollection.class);

	private final JdbcClient jdbc;

	private final InstanceProbe probe;

	private final Clock clock;

	public UsageCollection(JdbcClient jdbc, InstanceProbe probe, Clock clock) {
		this.jdbc = jdbc;
		this.probe = probe;
		this.clock = clock;
	}

	/**
	 * Collects the previous day.
	 * @return how many instances' usage was stored
	 */
	public int collectYesterday() {
		return collect(LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).minusDays(1));
	}

	/**
	 * Collects one day for the running instances that lack it.
	 * @param day the day (UTC)
	 * @return how many instances' usage was stored
	 */
	public int collect(LocalDate day) {
		List<MonitoredInstance> instances = this.jdbc.sql("""
				select id, account_id, slug, plan, namespace from instances i
				where observed_state in ('running', 'degraded') and namespace is not null
				  and not exists (select 1 from usage_daily u where u.instance_id = i.id and u.day = ?)
				order by id
				""").param(day).query(HealthChecks::instanceOf).list();
		int stored = 0;
		for (MonitoredInstance instance : instances) {
			try {
				InstanceProbe.Usage usage = this.probe.usage(instance, day);
				stored += this.jdbc.sql("""
						insert into usage_daily (instance_id, account_id, day, messages, active_agents, storage_bytes)
						values (?, ?, ?, ?, ?, ?) on conflict do nothing
						""")
					.params(instance.id(), instance.accountId(), day, usage.messages(), usage.activeAgents(),
							usage.storageBytes())
					.update();
			}
			catch (RuntimeException ex) {
				logger.warn("Could not collect the usage of instance {} for {} (retried on the next run): {}",
						instance.id(), day, ex.getMessage());
			}
		}
		logger.info("Collected the usage of {} of {} instances for {}", stored, instances.size(), day);
		return stored;
	}

}
