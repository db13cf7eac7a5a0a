package com.mindroom.stripesim.api;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stored results of requests made with an {@code Idempotency-Key}, per API key (kept as a
 * hash, never the key itself), for 24 hours as Stripe keeps them.
 */
@Component
class IdempotencyRecords {

	private final JdbcClient jdbc;

	IdempotencyRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims a key for a request, or returns what was recorded for it.
	 * @param apiKeyHash the API key's hash
	 * @param key the idempotency key
	 * @param requestHash the request's hash
	 * @return empty when the key is now claimed by this request; otherwise the record
	 */
	Optional<Record> claim(String apiKeyHash, String key, String requestHash) {
		this.jdbc.sql("delete from idempotency_keys where created_at < now() - interval '24 hours'").update();
		int claimed = this.jdbc.sql("""
				insert into idempotency_keys (api_key_hash, idempotency_key, request_hash) values (:api, :key, :hash)
				on conflict do nothing
				""").param("api", apiKeyHash).param("key", key).param("hash", requestHash).update();
		if (claimed == 1) {
			return Optional.empty();
		}
		return this.jdbc
			.sql("""
					select request_hash, status, body from idempotency_keys where api_key_hash = :api and idempotency_key = :key
					""")
			.param("api", apiKeyHash)
			.param("key", key)
			.query((rs, row) -> new Record(rs.getString(1), rs.getObject(2, Integer.class), rs.getString(3)))
			.optional();
	}

	void complete(String apiKeyHash, String key, int status, String body) {
		this.jdbc.sql("""
				update idempotency_keys set status = :status, body = :body
				where api_key_hash = :api and idempotency_key = :key
				""").param("status", status).param("body", body).param("api", apiKeyHash).param("key", key).update();
	}

	void release(String apiKeyHash, String key) {
		this.jdbc.sql("delete from idempotency_keys where api_key_hash = :api and idempotency_key = :key")
			.param("api", apiKeyHash)
			.param("key", key)
			.update();
	}

	/**
	 * A recorded request.
	 *
	 * @param requestHash the hash of the request that claimed the key
	 * @param status its response status, or {@code null} while it is in flight
	 * @param body its response body
	 */
	record Record(String requestHash, Integer status, String body) {

	}

}
