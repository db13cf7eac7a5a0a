package com.mindroom.common.uptime;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mindroom.common.test.FreshDatabase;
import com.mindroom.common.test.TestData;
import com.mindroom.common.test.TestDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Uptime per instance and for the fleet, computed from a seeded series of hourly check
 * counts with known outages, including buckets just outside each window.
 */
@FreshDatabase
class UptimeQueriesIntegrationTests {

	private static final Instant NOW = Instant.parse("2026-03-10T10:30:00Z");

	private TestData data;

	private JdbcClient jdbc;

	private UptimeQueries uptime;

	private UUID steady;

	private UUID young;

	private UUID unchecked;

	@BeforeEach
	void seed(TestDatabase database) {
		this.data = new TestData(database.dataSource());
		this.jdbc = this.data.jdbc();
		this.uptime = new UptimeQueries(this.jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
		this.steady = instance("steady");
		this.young = instance("young");
		this.unchecked = instance("unchecked");
		// 12 checks an hour for 30 days and one bucket beyond, plus one in the future
		this.jdbc
			.sql("""
					insert into mindroom.uptime_hourly (instance_id, account_id, hour, checks, up_checks)
					select i.id, i.account_id, date_trunc('hour', cast(? as timestamptz)) - make_interval(hours => ago), 12, 12
					from mindroom.instances i, generate_series(-1, 720) ago where i.id = ?
					""")
			.params(TestData.utc(NOW), this.steady)
			.update();
		hour(this.steady, 0, 12, 6);
		hour(this.steady, 24, 12, 0);
		hour(this.steady, 100, 12, 0);
		hour(this.steady, 500, 12, 0);
		hour(this.steady, 720, 12, 0);
		hour(this.steady, -1, 12, 0);
		hour(this.young, 0, 12, 0);
		hour(this.young, 1, 12, 12);
	}

	@Test
	void computesEachWindowFromTheHoursThatStartedInIt() {
		Uptime steady = this.uptime.instance(this.steady);

		assertThat(steady.last24Hours()).isCloseTo(282.0 / 288, within(1e-9));
		assertThat(steady.last7Days()).isCloseTo(1986.0 / 2016, within(1e-9));
		assertThat(steady.last30Days()).isCloseTo(8598.0 / 8640, within(1e-9));
		assertThat(steady.day()).isEqualTo("97.91%");
		assertThat(this.uptime.instance(this.young).last24Hours()).isEqualTo(0.5);
	}

	@Test
	void saysSoWhenThereIsNoCheckInsteadOfInventingAFigure() {
		assertThat(this.uptime.instance(this.unchecked)).isEqualTo(Uptime.UNKNOWN);
		assertThat(Uptime.UNKNOWN.week()).isEqualTo("no data");
	}

	@Test
	void weighsEveryCheckOfTheFleetAlike() {
		Uptime fleet = this.uptime.fleet();

		assertThat(fleet.last24Hours()).isCloseTo(294.0 / 312, within(1e-9));
		assertThat(fleet.last7Days()).isCloseTo(1998.0 / 2040, within(1e-9));
		assertThat(fleet.last30Days()).isCloseTo(8610.0 / 8664, within(1e-9));
	}

	@Test
	void neverRoundsAnOutageUpToAHundredPercent() {
		assertThat(Uptime.percent(1.0)).isEqualTo("100.00%");
		assertThat(Uptime.percent(0.99999)).isEqualTo("99.99%");
		assertThat(Uptime.percent(0.0)).isEqualTo("0.00%");
	}

	private UUID instance(String name) {
		UUID account = this.data.account(name);
		return this.data.instance(account, this.data.subscription(account, "active", "starter"), name);
	}

	private void hour(UUID instance, int hoursAgo, int checks, int up) {
		this.jdbc.sql("""
				insert into mindroom.uptime_hourly (instance_id, account_id, hour, checks, up_checks, degraded_checks)
				select id, account_id, date_trunc('hour', cast(? as timestamptz)) - make_interval(hours => ?), ?, ?, ?
				from mindroom.instances where id = ?
				on conflict (instance_id, hour) do update set checks = excluded.checks, up_checks = excluded.up_checks,
				    degraded_checks = excluded.degraded_checks
				""").params(TestData.utc(NOW), hoursAgo, checks, up, checks - up, instance).update();
	}

}
