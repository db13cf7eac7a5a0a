package com.mindroom.common.identity;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestData;
import com.mindroom.common.test.TestDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in throttling kept in the database: per email, per address, windows and lockouts.
 */
@FreshDatabase
class LoginThrottleIntegrationTests {

	private JdbcClient jdbc;

	private LoginThrottle throttle;

	@BeforeEach
	void setUp(TestDatabase database) {
		this.jdbc = new TestData(database.dataSource()).jdbc();
		this.jdbc.sql("delete from login_throttle").update();
		this.throttle = new LoginThrottle(this.jdbc,
				new IdentityProperties.Throttle(Duration.ofMinutes(15), 3, 5, Duration.ofMinutes(10)));
	}

	@Test
	void locksAnEmailAfterTooManyFailuresWhateverItsCase() {
		this.throttle.failure("ada@example.com", "198.51.100.1");
		this.throttle.failure("ADA@example.com", "198.51.100.2");
		assertThat(this.throttle.lockedFor("ada@example.com", "198.51.100.3")).isEmpty();
		this.throttle.failure("ada@example.com ", "198.51.100.4");
		assertThat(this.throttle.lockedFor("ada@example.com", "198.51.100.5")).get()
			.satisfies((left) -> assertThat(left).isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10)));
		assertThat(this.throttle.lockedFor("bob@example.com", "198.51.100.5")).isEmpty();
	}

	@Test
	void locksAnAddressTryingManyEmails() {
		for (int i = 0; i < 5; i++) {
			this.throttle.failure("user" + i + "@example.com", "203.0.113.7");
		}
		assertThat(this.throttle.lockedFor("someone-else@example.com", "203.0.113.7")).isPresent();
		assertThat(this.throttle.lockedFor("someone-else@example.com", "203.0.113.8")).isEmpty();
	}

	@Test
	void successClearsTheEmailsFailuresAndOldFailuresExpire() {
		this.throttle.failure("grace@example.com", "198.51.100.1");
		this.throttle.failure("grace@example.com", "198.51.100.1");
		this.throttle.success("grace@example.com");
		this.throttle.failure("grace@example.com", "198.51.100.1");
		assertThat(this.throttle.lockedFor("grace@example.com", "198.51.100.9")).isEmpty();
		this.jdbc.sql("update login_throttle set window_started_at = now() - interval '1 hour'").update();
		this.throttle.failure("grace@example.com", "198.51.100.1");
		this.throttle.failure("grace@example.com", "198.51.100.1");
		assertThat(this.throttle.lockedFor("grace@example.com", "198.51.100.9")).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from login_throttle where throttle_key like '%grace%'")
			.query(Long.class)
			.single()).isZero();
	}

}
