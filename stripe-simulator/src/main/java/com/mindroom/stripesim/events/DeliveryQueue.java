package com.mindroom.stripesim.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.mindroom.common.db.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The durable webhook delivery queue ({@code stripe_sim.deliveries}) and the delivery
 * options. Times here are real time: retries pace real deliveries, whatever the simulated
 * clock says.
 */
@Component
public class DeliveryQueue {

	private static final String SELECT = """
			select d.id, d.event_id, o.event_type, d.status, d.attempts, d.next_attempt_at, d.last_status,
				d.last_error, d.created_at
			from deliveries d join objects o on o.id = d.event_id
			""";

	private final JdbcClient jdbc;

	DeliveryQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void enqueue(String eventId) {
		int copies = options().deliverTwice() ? 2 : 1;
		for (int i = 0; i < copies; i++) {
			this.jdbc.sql("insert into deliveries (event_id) values (:event)").param("event", eventId).update();
		}
	}

	/**
	 * The oldest pending delivery, which in-order delivery sends first.
	 * @return the head of the queue
	 */
	Optional<Delivery> head() {
		return this.jdbc.sql(SELECT + " where d.status = 'pending' order by d.id limit 1").query(this::map).optional();
	}

	/**
	 * The pending deliveries that are due, newest first (out-of-order delivery).
	 * @param limit how many
	 * @return the deliveries
	 */
	List<Delivery> dueNewestFirst(int limit) {
		return this.jdbc
			.sql(SELECT + " where d.status = 'pending' and d.next_attempt_at <= now() order by d.id desc limit :limit")
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	boolean isDue(Delivery delivery) {
		return this.jdbc.sql("select next_attempt_at <= now() from deliveries where id = :id")
			.param("id", delivery.id())
			.query(Boolean.class)
			.single();
	}

	String payload(Delivery delivery) {
		return this.jdbc.sql("select doc::text from objects where id = :id")
			.param("id", delivery.eventId())
			.query(String.class)
			.single();
	}

	void delivered(Delivery delivery, int status) {
		this.jdbc.sql("""
				update deliveries set status = 'delivered', attempts = attempts + 1, last_status = :status,
					last_error = null, delivered_at = now()
				where id = :id
				""").param("status", status).param("id", delivery.id()).update();
	}

	/**
	 * Records a failed attempt: the delivery is retried after the backoff, or given up
	 * once it has been retried for long enough.
	 */
	void failed(Delivery delivery, Integer status, String error, Duration backoff, Duration giveUpAfter) {
		this.jdbc.sql("""
				update deliveries set attempts = attempts + 1, last_status = :status, last_error = :error,
					next_attempt_at = now() + make_interval(secs => :backoff),
					status = case when created_at < now() - make_interval(secs => :giveUp) then 'failed' else status end
				where id = :id
				""")
			.param("status", status)
			.param("error", error)
			.param("backoff", backoff.toMillis() / 1000.0)
			.param("giveUp", (double) giveUpAfter.toSeconds())
			.param("id", delivery.id())
			.update();
	}

	/**
	 * Sends every pending delivery at once, for the control page's "deliver now".
	 */
	public void retryAllNow() {
		this.jdbc.sql("update deliveries set next_attempt_at = now() where status = 'pending'").update();
	}

	public List<Delivery> recent(int limit) {
		return this.jdbc.sql(SELECT + " order by d.id desc limit :limit").param("limit", limit).query(this::map).list();
	}

	public DeliveryOptions options() {
		return this.jdbc.sql("select deliver_twice, out_of_order from state")
			.query((rs, row) -> new DeliveryOptions(rs.getBoolean(1), rs.getBoolean(2)))
			.single();
	}

	public void setOptions(DeliveryOptions options) {
		this.jdbc.sql("update state set deliver_twice = :twice, out_of_order = :outOfOrder")
			.param("twice", options.deliverTwice())
			.param("outOfOrder", options.outOfOrder())
			.update();
	}

	private Delivery map(ResultSet rs, int row) throws SQLException {
		return new Delivery(rs.getLong("id"), rs.getString("event_id"), rs.getString("event_type"),
				rs.getString("status"), rs.getInt("attempts"), Timestamps.read(rs, "next_attempt_at"),
				rs.getObject("last_status", Integer.class), rs.getString("last_error"),
				Timestamps.read(rs, "created_at"));
	}

}
