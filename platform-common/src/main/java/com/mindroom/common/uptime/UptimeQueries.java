package com.mindroom.common.uptime;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;

import com.mindroom.common.db.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Computes uptime from {@code uptime_hourly}, where the provisioner counts every health
 * check per instance and hour. A window is the hourly buckets that started within it (the
 * last 24 hours are the current hour and the 23 before it). The fleet's uptime weighs
 * every check alike. Runs as the caller's database role, so the portal sees only its own
 * instances.
 */
public class UptimeQueries {

	private static final String SHARES = """
			select sum(up_checks) filter (where hour > cast(:now as timestamptz) - interval '24 hours')::float8
			           / nullif(sum(checks) filter (where hour > cast(:now as timestamptz) - interval '24 hours'), 0) as day,
			       sum(up_checks) filter (where hour > cast(:now as timestamptz) - interval '7 days')::float8
			           / nullif(sum(checks) filter (where hour > cast(:now as timestamptz) - interval '7 days'), 0) as week,
			       sum(up_checks)::float8 / nullif(sum(checks), 0) as month
			from uptime_hourly
			where hour > cast(:now as timestamptz) - interval '30 days' and hour <= cast(:now as timestamptz) and %s
			""";

	private final JdbcClient jdbc;

	private final Clock clock;

	public UptimeQueries(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * One instance's uptime.
	 * @param instanceId the instance
	 * @return its uptime per window
	 */
	public Uptime instance(UUID instanceId) {
		return this.jdbc.sql(SHARES.formatted("instance_id = :instance"))
			.param("now", Timestamps.toDb(this.clock.instant()))
			.param("instance", instanceId)
			.query(UptimeQueries::read)
			.single();
	}

	/**
	 * The whole fleet's uptime: every instance's checks together.
	 * @return the fleet's uptime per window
	 */
	public Uptime fleet() {
		return this.jdbc.sql(SHARES.formatted("true"))
			.param("now", Timestamps.toDb(this.clock.instant()))
			.query(UptimeQueries::read)
			.single();
	}

	private static Uptime read(ResultSet rs, int row) throws SQLException {
		return new Uptime(share(rs, "day"), share(rs, "week"), share(rs, "month"));
	}

	private static Double share(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

}
