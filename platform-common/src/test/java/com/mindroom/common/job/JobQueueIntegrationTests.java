package com.mindroom.common.job;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestData;
import com.mindroom.common.test.TestDatabase;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The job queue: joined duplicates (also for the portal's role, which may only insert),
 * exclusive claims, leases that expire, retries and giving up.
 */
@FreshDatabase
class JobQueueIntegrationTests {

	private JdbcClient jdbc;

	private JobQueue queue;

	@BeforeEach
	void setUp(TestDatabase database) {
		this.jdbc = new TestData(database.dataSource()).jdbc();
		this.queue = new JobQueue(this.jdbc, JsonMapper.builder().build());
		this.jdbc.sql("delete from jobs").update();
	}

	@Test
	void aRepeatedRequestJoinsTheQueuedJob() {
		UUID first = this.queue.enqueue("stripe.backfill", Map.of("since", 1), "stripe.backfill", null);
		UUID second = this.queue.enqueue("stripe.backfill", Map.of("since", 2), "stripe.backfill", null);
		assertThat(second).isEqualTo(first);
		assertThat(this.queue.claim("stripe.backfill", Duration.ofMinutes(1))).get()
			.satisfies((job) -> assertThat(job.payload()).containsEntry("since", 1));
		this.queue.succeed(first, Map.of("fetched", 3));
		assertThat(this.queue.enqueue("stripe.backfill", Map.of(), "stripe.backfill", null)).isNotEqualTo(first);
	}

	@Test
	void aRoleThatMayOnlyInsertQueuesAndJoinsWithoutReadingBack(TestDatabase database) {
		try (HikariDataSource portal = database.dataSourceAs("mindroom_portal")) {
			JobQueue insertOnly = new JobQueue(JdbcClient.create(portal), JsonMapper.builder().build());
			assertThatExceptionOfType(DataAccessException.class).isThrownBy(
					() -> insertOnly.enqueue("stripe.customer_email", Map.of(), "stripe.customer_email:a", null));
			assertThat(insertOnly.submit("stripe.customer_email", Map.of("n", 1), "stripe.customer_email:a", null))
				.isTrue();
			assertThat(insertOnly.submit("stripe.customer_email", Map.of("n", 2), "stripe.customer_email:a", null))
				.isFalse();
			assertThat(insertOnly.submit("stripe.customer_email", Map.of("n", 3), "stripe.customer_email:b", null))
				.isTrue();
		}
		assertThat(this.queue.claim("stripe.customer_email", Duration.ofMinutes(1))).get()
			.satisfies((job) -> assertThat(job.payload()).containsEntry("n", 1));
		assertThat(this.queue.claim("stripe.customer_email", Duration.ofMinutes(1))).get()
			.satisfies((job) -> assertThat(job.payload()).containsEntry("n", 3));
		assertThat(this.queue.claim("stripe.customer_email", Duration.ofMinutes(1))).isEmpty();
	}

	@Test
	void eachJobIsClaimedByOneWorkerAtATime() throws InterruptedException {
		for (int i = 0; i < 20; i++) {
			this.queue.enqueue("restore", Map.of("n", i), null, null);
		}
		Set<UUID> claimed = ConcurrentHashMap.newKeySet();
		AtomicInteger twice = new AtomicInteger();
		CountDownLatch done = new CountDownLatch(4);
		ExecutorService workers = Executors.newFixedThreadPool(4);
		for (int w = 0; w < 4; w++) {
			workers.execute(() -> {
				Optional<Job> job;
				while ((job = this.queue.claim("restore", Duration.ofMinutes(1))).isPresent()) {
					if (!claimed.add(job.get().id())) {
						twice.incrementAndGet();
					}
				}
				done.countDown();
			});
		}
		assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
		workers.shutdown();
		assertThat(claimed).hasSize(20);
		assertThat(twice).hasValue(0);
	}

	@Test
	void aCrashedWorkersJobIsClaimedAgainWhenItsLeaseRunsOut() {
		UUID id = this.queue.enqueue("restore", Map.of(), null, null);
		assertThat(this.queue.claim("restore", Duration.ofMinutes(5))).isPresent();
		assertThat(this.queue.claim("restore", Duration.ofMinutes(5))).isEmpty();
		this.jdbc.sql("update jobs set locked_until = now() - interval '1 second' where id = ?").param(id).update();
		assertThat(this.queue.claim("restore", Duration.ofMinutes(5))).get()
			.satisfies((job) -> assertThat(job.attempts()).isEqualTo(2));
	}

	@Test
	void failedJobsAreRetriedThenGivenUp() {
		UUID id = this.queue.enqueue("restore", Map.of(), null, null);
		this.jdbc.sql("update jobs set max_attempts = 2 where id = ?").param(id).update();
		this.queue.fail(this.queue.claim("restore", Duration.ofMinutes(1)).orElseThrow(), "S3 timed out",
				Duration.ZERO);
		assertThat(status(id)).isEqualTo("queued");
		this.queue.fail(this.queue.claim("restore", Duration.ofMinutes(1)).orElseThrow(), "S3 timed out",
				Duration.ZERO);
		assertThat(status(id)).isEqualTo("failed");
		assertThat(this.queue.claim("restore", Duration.ofMinutes(1))).isEmpty();
	}

	private String status(UUID id) {
		return this.jdbc.sql("select status from jobs where id = ?").param(id).query(String.class).single();
	}

}
