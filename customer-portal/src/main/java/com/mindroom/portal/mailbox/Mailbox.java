package com.mindroom.portal.mailbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.mindroom.common.db.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the whole notification outbox for the local mailbox page. It has its own small
 * connection pool acting as the back-office role, since the portal's role sees only the
 * signed-in customer's rows; it exists only in the {@code local} profile.
 */
class Mailbox implements AutoCloseable {

	private static final TypeReference<Map<String, Object>> PARAMS = new TypeReference<>() {
	};

	private final HikariDataSource pool;

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	Mailbox(String url, String username, String password) {
		this.pool = new HikariDataSource();
		this.pool.setJdbcUrl(url);
		this.pool.setUsername(username);
		this.pool.setPassword(password);
		this.pool.setSchema("mindroom");
		this.pool.setConnectionInitSql("SET ROLE mindroom_service");
		this.pool.setMaximumPoolSize(1);
		this.pool.setPoolName("local-mailbox");
		this.jdbc = JdbcClient.create(this.pool);
	}

	List<Message> newest(int limit) {
		return this.jdbc.sql("""
				select recipient, template, subject, params::text as params, status, created_at
				from notification_outbox order by created_at desc limit ?
				""")
			.param(limit)
			.query((rs, row) -> new Message(rs.getString("recipient"), rs.getString("template"),
					rs.getString("subject"), this.json.readValue(rs.getString("params"), PARAMS),
					rs.getString("status"), Timestamps.read(rs, "created_at")))
			.list();
	}

	@Override
	public void close() {
		this.pool.close();
	}

	/**
	 * A queued email.
	 *
	 * @param recipient who it is for
	 * @param template its template
	 * @param subject its subject
	 * @param params its parameters (a {@code link} among them, for most)
	 * @param status {@code pending}, {@code sent}...
	 * @param createdAt when it was queued
	 */
	record Message(String recipient, String template, String subject, Map<String, Object> params, String status,
			Instant createdAt) {

		public String link() {
			Object link = this.params.get("link");
			return (link instanceof String text && (text.startsWith("http://") || text.startsWith("https://"))) ? text
					: null;
		}

	}

}
