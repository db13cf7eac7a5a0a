package com.mindroom.portal;

import java.util.UUID;

import com.mindroom.common.test.TestData;
import com.mindroom.common.test.TestDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Seeds and reads the portal's test database as the schema owner: confirmed accounts with
 * a password, and the links the outbox holds.
 */
final class Seeds {

	static final String PASSWORD = "correct-horse-battery";

	private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);

	private final TestData data;

	Seeds(TestDatabase database) {
		this.data = new TestData(database.dataSource());
	}

	JdbcClient jdbc() {
		return this.data.jdbc();
	}

	TestData data() {
		return this.data;
	}

	/**
	 * A confirmed account that signs in with {@link #PASSWORD}.
	 * @param name the name (the email is made unique from it)
	 * @return the account
	 */
	Account account(String name) {
		String email = name + "+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		UUID id = UUID.randomUUID();
		jdbc().sql("""
				insert into mindroom.accounts (id, email, name, password_hash, email_verified_at, consent_terms_at)
				values (?, ?, ?, ?, now(), now())
				""").params(id, email, name, BCRYPT.encode(PASSWORD)).update();
		return new Account(id, email);
	}

	/**
	 * The link of the newest queued email of a template to an address.
	 */
	String link(String email, String template) {
		return jdbc().sql("""
				select params ->> 'link' from mindroom.notification_outbox
				where lower(recipient) = lower(?) and template = ? order by created_at desc limit 1
				""").params(email, template).query(String.class).single();
	}

	int count(String sql, Object... params) {
		return jdbc().sql(sql).params(params).query(Integer.class).single();
	}

	record Account(UUID id, String email) {

	}

}
