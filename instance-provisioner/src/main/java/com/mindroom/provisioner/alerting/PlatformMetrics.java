package com.mindroom.provisioner.alerting;

import java.time.Duration;
import java.util.List;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import com.mindroom.common.lifecycle.ObservedState;
import com.mindroom.provisioner.alerting.PlatformReadings.Backlog;
import com.mindroom.provisioner.alerting.PlatformReadings.StateCount;

/**
 * The gauges the PrometheusRule alerts watch, read from the database at scrape time: one
 * reading serves every gauge of a scrape (it is reused for a few seconds), so a scrape
 * costs five small queries. Every replica exports the same values; the alerts take the
 * maximum.
 */
class PlatformMetrics implements MeterBinder {

	static final Duration REUSE = Duration.ofSeconds(5);

	private final PlatformReadings readings;

	private final Duration drillWindow;

	private final Object lock = new Object();

	private Reading last;

	private long readAt;

	/**
	 * Creates the gauges.
	 * @param readings what the database shows
	 * @param drillWindow how long a failed restore drill counts
	 */
	PlatformMetrics(PlatformReadings readings, Duration drillWindow) {
		this.readings = readings;
		this.drillWindow = drillWindow;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (ObservedState state : ObservedState.values()) {
			if (state != ObservedState.DELETED) {
				gauge(registry, "mindroom.instances", "Instances per observed state", null,
						(r) -> r.count(state.dbValue()), state.dbValue());
			}
		}
		for (String state : List.of("error", "degraded")) {
			gauge(registry, "mindroom.instances.oldest.in.state",
					"How long the instance longest in the state has been in it", "seconds", (r) -> r.oldest(state),
					state);
		}
		gauge(registry, "mindroom.reconcile.backlog", "Instances whose desired state is not reached yet (error aside)",
				null, (r) -> r.backlog().count());
		gauge(registry, "mindroom.reconcile.backlog.oldest",
				"How long the oldest due reconcile has waited for a provisioner replica", "seconds",
				(r) -> r.backlog().oldestWaitingSeconds());
		gauge(registry, "mindroom.backups.failing",
				"Instances whose newest backup failed or did not finish within its window", null,
				Reading::failingBackups);
		gauge(registry, "mindroom.backups.since.last.success",
				"The longest any running instance has gone without a successful backup (since its creation if it never had one)",
				"seconds", Reading::longestWithoutBackup);
		gauge(registry, "mindroom.restore.drills.failed", "Restore drills that failed within the drill window", null,
				Reading::failedDrills);
	}

	private void gauge(MeterRegistry registry, String name, String description, String unit,
			ToDoubleFunction<Reading> value, String... state) {
		Gauge.Builder<PlatformMetrics> builder = Gauge.builder(name, this, (metrics) -> value.applyAsDouble(read()))
			.description(description)
			.baseUnit(unit)
			.strongReference(true);
		if (state.length > 0) {
			builder.tag("state", state[0]);
		}
		builder.register(registry);
	}

	private Reading read() {
		synchronized (this.lock) {
			long now = System.nanoTime();
			if (this.last == null || now - this.readAt > REUSE.toNanos()) {
				this.last = new Reading(this.readings.instancesByState(), this.readings.backlog(),
						this.readings.failingBackups().size(), this.readings.longestWithoutBackupSeconds(),
						this.readings.failedDrills(this.drillWindow).size());
				this.readAt = now;
			}
			return this.last;
		}
	}

	private record Reading(List<StateCount> states, Backlog backlog, int failingBackups, double longestWithoutBackup,
			int failedDrills) {

		double count(String state) {
			return this.states.stream().filter((s) -> s.state().equals(state)).mapToLong(StateCount::count).sum();
		}

		double oldest(String state) {
			return this.states.stream()
				.filter((s) -> s.state().equals(state))
				.mapToDouble(StateCount::oldestSeconds)
				.findFirst()
				.orElse(0);
		}

	}

}
