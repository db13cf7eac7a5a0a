package com.mindroom.stripesim.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads and writes the stored Stripe objects. Every change goes through
 * {@link #write(Supplier)}: one transaction holding the simulator's advisory lock, so the
 * API, the hosted pages and the billing engine never interleave their changes.
 */
@Component
public class ObjectStore {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	ObjectStore(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.json = json;
	}

	/**
	 * Runs a change in one serialized transaction.
	 * @param <T> the result type
	 * @param change the change
	 * @return its result
	 */
	public <T> T write(Supplier<T> change) {
		return this.transactions.execute((status) -> {
			this.jdbc.sql("select pg_advisory_xact_lock(hashtext('stripe_sim.write'))").query().singleRow();
			return change.get();
		});
	}

	/**
	 * Inserts or replaces an object.
	 * @param object the object
	 * @param dueAt when the billing engine next has work for it, or {@code null}
	 */
	public void save(StoredObject object, Long dueAt) {
		ObjectNode doc = object.doc();
		this.jdbc.sql("""
				insert into objects (id, type, customer, subscription, event_type, created, due_at, doc, sim)
				values (:id, :type, :customer, :subscription, :eventType, :created, :dueAt, :doc::jsonb, :sim::jsonb)
				on conflict (id) do update set customer = excluded.customer, subscription = excluded.subscription,
					due_at = excluded.due_at, doc = excluded.doc, sim = excluded.sim
				""")
			.param("id", object.id())
			.param("type", object.type())
			.param("customer", Docs.idOf(doc, "customer"))
			.param("subscription", subscriptionOf(object))
			.param("eventType", "event".equals(object.type()) ? Docs.text(doc, "type") : null)
			.param("created", Docs.number(doc, "created", 0))
			.param("dueAt", dueAt)
			.param("doc", this.json.writeValueAsString(doc))
			.param("sim", this.json.writeValueAsString(object.sim()))
			.update();
	}

	public void save(StoredObject object) {
		save(object, null);
	}

	private static String subscriptionOf(StoredObject object) {
		if ("invoice".equals(object.type())) {
			return Docs.text(Docs.object(Docs.object(object.doc(), "parent"), "subscription_details"), "subscription");
		}
		return "subscription".equals(object.type()) ? object.id() : Docs.idOf(object.doc(), "subscription");
	}

	public Optional<StoredObject> find(String type, String id) {
		return this.jdbc.sql("select id, type, doc, sim from objects where id = :id and type = :type")
			.param("id", id)
			.param("type", type)
			.query(this::map)
			.optional();
	}

	/**
	 * Finds an object of any type, for expanding ids in responses.
	 * @param id the id
	 * @return the object, if it exists
	 */
	public Optional<StoredObject> findById(String id) {
		return this.jdbc.sql("select id, type, doc, sim from objects where id = :id")
			.param("id", id)
			.query(this::map)
			.optional();
	}

	/**
	 * Returns an object.
	 * @param type its type
	 * @param id its id
	 * @return the object
	 * @throws NoSuchObjectException when there is none
	 */
	public StoredObject require(String type, String id) {
		return find(type, id).orElseThrow(() -> new NoSuchObjectException(type, id));
	}

	/**
	 * Finds the object whose billing work is due first, no later than the given time.
	 * @param until the time (epoch seconds)
	 * @return the object, if any is due
	 */
	public Optional<StoredObject> nextDue(long until) {
		return this.jdbc.sql("""
				select id, type, doc, sim from objects where due_at <= :until order by due_at, seq limit 1
				""").param("until", until).query(this::map).optional();
	}

	/**
	 * Returns when the billing engine next has work.
	 * @return the earliest due time (epoch seconds), if any
	 */
	public Optional<Long> earliestDue() {
		return this.jdbc.sql("select due_at from objects where due_at is not null order by due_at limit 1")
			.query(Long.class)
			.optional();
	}

	/**
	 * Lists objects as Stripe lists them: newest first, in pages.
	 * @param query what to list
	 * @return one page
	 */
	public ListQuery.Page list(ListQuery query) {
		Map<String, Object> params = new LinkedHashMap<>();
		StringBuilder sql = new StringBuilder("select id, type, doc, sim from objects where type = :type");
		params.put("type", query.type());
		Filters.append(query, sql, params);
		boolean backwards = query.endingBefore() != null && query.startingAfter() == null;
		sql.append(backwards ? " order by seq asc" : " order by seq desc").append(" limit :limit");
		params.put("limit", query.limit() + 1);
		List<StoredObject> rows = new ArrayList<>(this.jdbc.sql(sql.toString()).params(params).query(this::map).list());
		boolean hasMore = rows.size() > query.limit();
		if (hasMore) {
			rows.remove(rows.size() - 1);
		}
		if (backwards) {
			Collections.reverse(rows);
		}
		return new ListQuery.Page(rows, hasMore);
	}

	/**
	 * Whether an object exists, for validating cursors.
	 * @param id the id
	 * @return whether it exists
	 */
	public boolean exists(String id) {
		return this.jdbc.sql("select count(*) from objects where id = :id")
			.param("id", id)
			.query(Long.class)
			.single() > 0;
	}

	private StoredObject map(ResultSet rs, int row) throws SQLException {
		return new StoredObject(rs.getString("id"), rs.getString("type"),
				(ObjectNode) this.json.readTree(rs.getString("doc")),
				(ObjectNode) this.json.readTree(rs.getString("sim")));
	}

}
