package com.mindroom.stripesim.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link ListQuery}'s filters and cursor into SQL conditions.
 */
final class Filters {

	private Filters() {
	}

	static void append(ListQuery query, StringBuilder sql, Map<String, Object> params) {
		sql.append(" and (sim -> 'deleted') is null");
		equal(sql, params, "customer", query.customer());
		equal(sql, params, "subscription", query.subscription());
		if (query.email() != null) {
			sql.append(" and doc ->> 'email' = :email");
			params.put("email", query.email());
		}
		if (!query.statuses().isEmpty()) {
			sql.append(" and doc ->> 'status' in (:statuses)");
			params.put("statuses", query.statuses());
		}
		if (query.excludedStatus() != null) {
			sql.append(" and doc ->> 'status' <> :excludedStatus");
			params.put("excludedStatus", query.excludedStatus());
		}
		eventTypes(query.eventTypes(), sql, params);
		range(query.created(), sql, params);
		cursor(query, sql, params);
	}

	private static void equal(StringBuilder sql, Map<String, Object> params, String column, String value) {
		if (value != null) {
			sql.append(" and ").append(column).append(" = :").append(column);
			params.put(column, value);
		}
	}

	private static void eventTypes(List<String> types, StringBuilder sql, Map<String, Object> params) {
		if (types.isEmpty()) {
			return;
		}
		List<String> conditions = new ArrayList<>();
		for (int i = 0; i < types.size(); i++) {
			String type = types.get(i);
			if (type.endsWith(".*")) {
				conditions.add("starts_with(event_type, :eventType" + i + ")");
				params.put("eventType" + i, type.substring(0, type.length() - 1));
			}
			else {
				conditions.add("event_type = :eventType" + i);
				params.put("eventType" + i, type);
			}
		}
		sql.append(" and (").append(String.join(" or ", conditions)).append(")");
	}

	private static void range(ListQuery.Range range, StringBuilder sql, Map<String, Object> params) {
		bound(sql, params, ">", "createdGt", range.gt());
		bound(sql, params, ">=", "createdGte", range.gte());
		bound(sql, params, "<", "createdLt", range.lt());
		bound(sql, params, "<=", "createdLte", range.lte());
	}

	private static void bound(StringBuilder sql, Map<String, Object> params, String operator, String name, Long value) {
		if (value != null) {
			sql.append(" and created ").append(operator).append(" :").append(name);
			params.put(name, value);
		}
	}

	private static void cursor(ListQuery query, StringBuilder sql, Map<String, Object> params) {
		if (query.startingAfter() != null) {
			sql.append(" and seq < (select seq from objects where id = :startingAfter)");
			params.put("startingAfter", query.startingAfter());
		}
		else if (query.endingBefore() != null) {
			sql.append(" and seq > (select seq from objects where id = :endingBefore)");
			params.put("endingBefore", query.endingBefore());
		}
	}

}
