import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import com.mindroom.common.test.TestDatabase;
import com.mindroom.common.test.TestDatabases;
import com.mindroom.provisioner.InstanceProvisionerApplication;
import com.mindroom.provisioner.simulation.SimulatedCluster;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Provisioning benchmark on the simulated cluster (not part of the test command): the
 * provisioner runs in this JVM against a fresh database; 200 instances are set to
 * running at once and timed until all are observed running; then 1,000 unchanged
 * instances are swept. Each is reported next to the same number of bare fabric8 create
 * calls against the same simulated cluster, with the same parallelism, measured in the
 * same run.
 */
public final class ProvisioningBenchmark {

	private static final int FIRST = Integer.getInteger("bench.instances", 200);

	private static final int SWEPT = Integer.getInteger("bench.sweep", 1000);

	private static final int WORKERS = Integer.getInteger("bench.workers", 8);

	private static final int PROGRESS_EVERY = Integer.getInteger("bench.progressEvery", 30);

	private static final String READY_DELAY = System.getProperty("bench.readyDelay", "1s");

	public static void main(String[] args) throws Exception {
		TestDatabase database = TestDatabases.get().create();
		// command-line arguments outrank every configuration file, so the run never touches another database
		ConfigurableApplicationContext app = new SpringApplicationBuilder(InstanceProvisionerApplication.class).run(
				"--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(), "--server.port=0",
				"--mindroom.security.encryption-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
				"--mindroom.kubernetes.mode=simulated", "--mindroom.kubernetes.simulated.port=0",
				"--mindroom.kubernetes.simulated.ready-delay=" + READY_DELAY,
				"--mindroom.provisioner.workers=" + WORKERS, "--mindroom.provisioner.jobs.enabled=false",
				"--logging.level.com.mindroom=WARN");
		try {
			run(app, JdbcClient.create(database.dataSource()));
		}
		finally {
			app.close();
		}
		System.exit(0);
	}

	private static void run(ConfigurableApplicationContext app, JdbcClient db) throws Exception {
		KubernetesClient client = new KubernetesClientBuilder()
			.withConfig(app.getBean(SimulatedCluster.class).config())
			.build();
		long objectsPerInstance = 2 + 15;
		System.out.printf("Simulated kubelet ready delay %s, %d reconcile workers%n%n", READY_DELAY, WORKERS);

		seed(db, FIRST, "first");
		long provisioning = timeUntil(db, () -> running(db) >= FIRST);
		long bareProvisioning = bareCreates(client, (int) (FIRST * objectsPerInstance), "bare-a");
		System.out.println("| measurement | provisioner | bare fabric8 creates (same run) | ratio |");
		System.out.println("|---|---|---|---|");
		System.out.printf("| %d instances set to running → all observed running | %.1f s | %.1f s (%d creates) | %.2f |%n",
				FIRST, provisioning / 1000.0, bareProvisioning / 1000.0, FIRST * objectsPerInstance,
				(double) provisioning / bareProvisioning);

		System.out.printf("(provisioning the other %d instances for the sweep)%n", SWEPT - FIRST);
		seed(db, SWEPT - FIRST, "more");
		long more = timeUntil(db, () -> running(db) >= SWEPT);
		long eventsBefore = events(db);
		OffsetDateTime mark = db.sql("select now()").query(OffsetDateTime.class).single();
		db.sql("update mindroom.instances set next_attempt_at = now()").update();
		long sweep = timeUntil(db, () -> swept(db, mark) >= SWEPT);
		long bareSweep = bareCreates(client, SWEPT, "bare-b");
		long newEvents = events(db) - eventsBefore;
		System.out.printf("| steady-state sweep of %d unchanged instances | %.1f s | %.1f s (%d creates) | %.2f |%n",
				SWEPT, sweep / 1000.0, bareSweep / 1000.0, SWEPT, (double) sweep / bareSweep);
		System.out.printf("%nThe other %d instances took %.1f s to provision; the sweep wrote %d events "
				+ "(an unchanged instance writes none).%n", SWEPT - FIRST, more / 1000.0, newEvents);
		client.close();
	}

	private static void seed(JdbcClient db, int count, String prefix) {
		db.sql("""
				with accounts as (
				    insert into mindroom.accounts (id, email, name)
				    select gen_random_uuid(), ? || n || '-' || substr(md5(random()::text), 1, 8) || '@bench.example', ? || n
				    from generate_series(1, ?) n
				    returning id, name
				), subscriptions as (
				    insert into mindroom.subscriptions (id, account_id, status, plan, billing_interval, unit_amount, currency,
				        current_period_start, current_period_end)
				    select gen_random_uuid(), id, 'active', 'starter', 'month', 2900, 'usd', now(), now() + interval '30 days'
				    from accounts
				    returning id, account_id
				)
				insert into mindroom.instances (account_id, subscription_id, slug, plan)
				select account_id, id, 'b-' || substr(replace(id::text, '-', ''), 1, 12), 'starter' from subscriptions
				""").params(prefix, prefix, count).update();
	}

	private static long timeUntil(JdbcClient db, BooleanSupplier done) throws InterruptedException {
		long start = System.nanoTime();
		long reported = start;
		while (!done.getAsBoolean()) {
			Thread.sleep(50);
			if (System.nanoTime() - reported > TimeUnit.SECONDS.toNanos(PROGRESS_EVERY)) {
				reported = System.nanoTime();
				System.out.printf("  ... %d s: %s%n", TimeUnit.NANOSECONDS.toSeconds(reported - start), progress(db));
			}
			if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(45)) {
				throw new IllegalStateException("Gave up after 45 minutes");
			}
		}
		return Duration.ofNanos(System.nanoTime() - start).toMillis();
	}

	/**
	 * Where the instances are: how many per observed state, and how many have their
	 * current spec applied.
	 */
	private static String progress(JdbcClient db) {
		return db.sql("""
				select string_agg(observed_state || ' ' || n, ', ' order by observed_state)
				    || ' (applied ' || sum(applied) || ')'
				from (select observed_state, count(*) n, count(*) filter (where applied_generation >= generation) applied
				      from mindroom.instances group by observed_state) s
				""").query(String.class).single();
	}

	private static long running(JdbcClient db) {
		return db.sql("select count(*) from mindroom.instances where observed_state = 'running' "
				+ "and observed_generation = generation").query(Long.class).single();
	}

	private static long swept(JdbcClient db, OffsetDateTime mark) {
		return db.sql("select count(*) from mindroom.instances where observed_at >= ? and claimed_by is null")
			.param(mark)
			.query(Long.class)
			.single();
	}

	private static long events(JdbcClient db) {
		return db.sql("select count(*) from mindroom.instance_events").query(Long.class).single();
	}

	/**
	 * The baseline: the same number of bare create calls (a namespace per 17 objects, then
	 * ConfigMaps), from as many threads as the provisioner has workers.
	 */
	private static long bareCreates(KubernetesClient client, int creates, String prefix) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
		int perThread = (creates + WORKERS - 1) / WORKERS;
		long start = System.nanoTime();
		List<Future<?>> tasks = new ArrayList<>();
		for (int t = 0; t < WORKERS; t++) {
			int thread = t;
			tasks.add(pool.submit(() -> {
				String namespace = prefix + "-" + thread + "-" + UUID.randomUUID().toString().substring(0, 6);
				client.resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
					.create();
				for (int i = 1; i < perThread; i++) {
					client.resource(new ConfigMapBuilder().withNewMetadata()
						.withName("object-" + i)
						.withNamespace(namespace)
						.endMetadata()
						.addToData("key", "value-" + i)
						.build()).create();
				}
			}));
		}
		for (Future<?> task : tasks) {
			task.get();
		}
		pool.shutdown();
		return Duration.ofNanos(System.nanoTime() - start).toMillis();
	}

}
