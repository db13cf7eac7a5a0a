package com.mindroom.common.identity;

import java.util.Optional;
import java.util.UUID;

import com.mindroom.common.db.TenantTransactions;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads and keeps the {@code accounts} rows identity needs, acting as the account itself
 * so it works under the portal's Row Level Security as well as for the back office.
 */
public class AccountDirectory {

	private final JdbcClient jdbc;

	private final TenantTransactions transactions;

	public AccountDirectory(JdbcClient jdbc, TenantTransactions transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/**
	 * Finds an account by email before anyone is signed in (through the
	 * {@code find_sign_in} function).
	 * @param email the email, in any case
	 * @return the account's sign-in facts
	 */
	public Optional<Credentials> findByEmail(String email) {
		return this.jdbc.sql("select * from find_sign_in(?)")
			.param(email)
			.query((rs, row) -> new Credentials(rs.getObject("id", UUID.class), rs.getString("email"),
					rs.getString("password_hash"), rs.getString("status"), rs.getBoolean("is_admin"),
					rs.getBoolean("email_verified")))
			.optional();
	}

	public Optional<Credentials> findById(UUID accountId) {
		return this.transactions.asAccount(accountId,
				() -> this.jdbc.sql("""
						select id, email, password_hash, status, is_admin, email_verified_at is not null as verified
						from accounts where id = ?
						""")
					.param(accountId)
					.query((rs, row) -> new Credentials(rs.getObject("id", UUID.class), rs.getString("email"),
							rs.getString("password_hash"), rs.getString("status"), rs.getBoolean("is_admin"),
							rs.getBoolean("verified")))
					.optional());
	}

	/**
	 * Makes sure an identity from the provider has its account row (Supabase users get
	 * one on first sign-in).
	 * @param accountId the identity's subject
	 * @param email its email
	 * @param name its display name
	 */
	public void ensure(UUID accountId, String email, String name) {
		this.transactions.asAccount(accountId, () -> {
			this.jdbc.sql("""
					insert into accounts (id, email, name, email_verified_at) values (?, ?, ?, now())
					on conflict (id) do update set email = excluded.email
					where accounts.email is distinct from excluded.email
					""").params(accountId, email, (name != null) ? name : "").update();
		});
	}

	/**
	 * An account's sign-in facts.
	 *
	 * @param id the account id
	 * @param email the email
	 * @param passwordHash the built-in password hash, if any
	 * @param status {@code active}, {@code suspended} or {@code deleted}
	 * @param admin whether the account is an admin
	 * @param emailConfirmed whether the email is confirmed
	 */
	public record Credentials(UUID id, String email, String passwordHash, String status, boolean admin,
			boolean emailConfirmed) {

		public boolean active() {
			return "active".equals(this.status);
		}

		@Override
		public String toString() {
			return "Credentials[id=" + this.id + ", status=" + this.status + "]";
		}

	}

}
