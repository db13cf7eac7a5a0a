package com.mindroom.admin.instance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import com.mindroom.admin.account.AccountViews.InstanceEvent;
import com.mindroom.admin.instance.InstanceViews.InstanceDetail;
import com.mindroom.admin.instance.InstanceViews.InstanceRow;
import com.mindroom.admin.instance.InstanceViews.InstanceState;
import com.mindroom.admin.web.Page;
import com.mindroom.admin.web.PageRequest;
import com.mindroom.admin.web.SqlPatterns;
import com.mindroom.common.lifecycle.ObservedState;
import com.mindroom.common.web.Problems;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads instances: the filtered list, one instance's state (polled by its page) and its
 * detail with history.
 */
@Component
class InstanceQueries {

	private static final String FILTER = """
			(cast(:state as text) is null or i.observed_state = :state)
			and (cast(:plan as text) is null or i.plan = :plan)
			and (cast(:pattern as text) is null or i.slug ilike :pattern escape '\\' or a.email ilike :pattern escape '\\')
			""";

	private static final String STATE_COLUMNS = """
			i.id, i.slug, i.plan, i.desired_state, i.desired_reason, i.generation, i.observed_state,
			i.observed_generation, i.observed_at, i.last_error, i.health_status, i.health_reason, i.suspended_by_admin,
			i.stopped_by_customer, i.attempts, i.next_attempt_at
			""";

	private final JdbcClient jdbc;

	InstanceQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Page<InstanceRow> list(String state, String plan, String query, PageRequest page) {
		String observed = observedState(state);
		String planFilter = (plan != null && !plan.isBlank()) ? plan.trim() : null;
		String pattern = SqlPatterns.contains(query);
		long total = this.jdbc
			.sql("select count(*) from instances i join accounts a on a.id = i.account_id where " + FILTER)
			.param("state", observed)
			.param("plan", planFilter)
			.param("pattern", pattern)
			.query(Long.class)
			.single();
		var rows = this.jdbc.sql("""
				select i.id, i.slug, i.plan, i.desired_state, i.observed_state, i.last_error, i.updated_at,
				    a.id as account_id, a.email
				from instances i join accounts a on a.id = i.account_id where %s
				order by i.created_at desc, i.id limit :limit offset :offset
				""".formatted(FILTER))
			.param("state", observed)
			.param("plan", planFilter)
			.param("pattern", pattern)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, row) -> new InstanceRow(rs.getObject("id", UUID.class), rs.getString("slug"),
					rs.getString("plan"), rs.getString("desired_state"), rs.getString("observed_state"),
					rs.getString("last_error"), rs.getObject("account_id", UUID.class), rs.getString("email"),
					rs.getObject("updated_at", OffsetDateTime.class)))
			.list();
		return page.of(rows, total);
	}

	Optional<InstanceState> state(UUID id) {
		return this.jdbc.sql("select " + STATE_COLUMNS + " from instances i where i.id = ?")
			.param(id)
			.query(InstanceQueries::readState)
			.optional();
	}

	Optional<InstanceDetail> detail(UUID id) {
		return this.jdbc.sql("""
				select %s, i.url, i.namespace, a.id as account_id, a.email, s.status as subscription_status
				from instances i join accounts a on a.id = i.account_id join subscriptions s on s.id = i.subscription_id
				where i.id = ?
				""".formatted(STATE_COLUMNS))
			.param(id)
			.query((rs, row) -> new InstanceDetail(readState(rs, row), rs.getObject("account_id", UUID.class),
					rs.getString("email"), rs.getString("url"), rs.getString("namespace"),
					rs.getString("subscription_status"), null))
			.optional()
			.map((detail) -> new InstanceDetail(detail.state(), detail.accountId(), detail.accountEmail(), detail.url(),
					detail.namespace(), detail.subscriptionStatus(), events(id)));
	}

	private java.util.List<InstanceEvent> events(UUID id) {
		return this.jdbc.sql("""
				select instance_id, occurred_at, kind, from_state, to_state, message, actor
				from instance_events where instance_id = ? order by id desc limit 50
				""")
			.param(id)
			.query((rs, row) -> new InstanceEvent(rs.getObject("instance_id", UUID.class),
					rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("kind"), rs.getString("from_state"),
					rs.getString("to_state"), rs.getString("message"), rs.getString("actor")))
			.list();
	}

	static String observedState(String state) {
		if (state == null || state.isBlank()) {
			return null;
		}
		return Arrays.stream(ObservedState.values())
			.map(ObservedState::dbValue)
			.filter(state.trim()::equals)
			.findFirst()
			.orElseThrow(() -> Problems.badRequest("Unknown observed state '" + state.trim() + "'."));
	}

	private static InstanceState readState(ResultSet rs, int row) throws SQLException {
		return new InstanceState(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("plan"),
				rs.getString("desired_state"), rs.getString("desired_reason"), rs.getLong("generation"),
				rs.getString("observed_state"), rs.getLong("observed_generation"),
				rs.getObject("observed_at", OffsetDateTime.class), rs.getString("last_error"),
				rs.getString("health_status"), rs.getString("health_reason"), rs.getBoolean("suspended_by_admin"),
				rs.getBoolean("stopped_by_customer"), rs.getInt("attempts"),
				rs.getObject("next_attempt_at", OffsetDateTime.class));
	}

}
