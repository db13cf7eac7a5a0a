package com.mindroom.provisioner.alerting;

import java.time.Duration;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestData;
import com.mindroom.common.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The platform gauges read what a seeded database shows: instances per state, how long
 * the oldest has been in error, the reconcile backlog, failing backups, the longest time
 * without a successful backup and the restore drills failed within the window.
 */
@FreshDatabase
class PlatformMetricsIntegrationTests {

	@Test
	void gaugesShowWhatTheDatabaseHolds(TestDatabase database) {
		AlertSeeds seeds = new AlertSeeds(new TestData(database.dataSource()));
		seeds.instance("one", "running", 60);
		UUID two = seeds.instance("two", "running", 60);
		seeds.instance("old", "error", 40);
		seeds.instance("new", "error", 2);
		seeds.backup(two, "failed", 100, -50, "boom");
		seeds.created(two, 100);
		UUID drilled = seeds.succeededBackup(two, 30);
		seeds.drill(drilled, "failed", 24, false, "checksum mismatch");
		seeds.drill(drilled, "failed", 150, null, "the Job failed");
		seeds.drill(drilled, "failed", 200, null, "outside the window");
		seeds.drill(drilled, "succeeded", 2, true, null);
		seeds.jdbc()
			.sql("""
					update mindroom.instances set generation = generation + 1, next_attempt_at = now() - interval '5 minutes'
					where id = ?
					""")
			.param(two)
			.update();
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		new PlatformMetrics(new PlatformReadings(seeds.jdbc()), Duration.ofDays(8)).bindTo(registry);

		assertThat(registry.get("mindroom.instances").tag("state", "running").gauge().value()).isEqualTo(2);
		assertThat(registry.get("mindroom.instances").tag("state", "error").gauge().value()).isEqualTo(2);
		assertThat(registry.get("mindroom.instances").tag("state", "degraded").gauge().value()).isZero();
		assertThat(registry.get("mindroom.instances.oldest.in.state").tag("state", "error").gauge().value())
			.isCloseTo(2400, within(60.0));
		assertThat(registry.get("mindroom.instances.oldest.in.state").tag("state", "degraded").gauge().value())
			.isZero();
		assertThat(registry.get("mindroom.reconcile.backlog").gauge().value()).isOne();
		assertThat(registry.get("mindroom.reconcile.backlog.oldest").gauge().value()).isCloseTo(300, within(60.0));
		assertThat(registry.get("mindroom.backups.failing").gauge().value()).isOne();
		assertThat(registry.get("mindroom.backups.since.last.success").gauge().value()).isCloseTo(30 * 3600,
				within(60.0));
		assertThat(registry.get("mindroom.restore.drills.failed").gauge().value()).isEqualTo(2);
	}

}
