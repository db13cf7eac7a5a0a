package com.mindroom.portal.account;

import java.util.Optional;
import java.util.UUID;

import com.mindroom.common.db.TenantTransactions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads and updates the caller's own account row, always acting as that account (Row
 * Level Security lets the portal see no other).
 */
@Component
public class Accounts {

	private final JdbcClient jdbc;

	private final TenantTransactions transactions;

	Accounts(JdbcClient jdbc, TenantTransactions transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	public Optional<Account> find(UUID accountId) {
		return this.transactions.asAccount(accountId,
				() -> this.jdbc.sql("select " + Account.COLUMNS + " from accounts where id = ?")
					.param(accountId)
					.query(Account::read)
					.optional());
	}

	public Account require(UUID accountId) {
		return find(accountId).orElseThrow(() -> new IllegalStateException("No account " + accountId));
	}

	void updateName(UUID accountId, String name) {
		this.transactions.asAccount(accountId, () -> {
			this.jdbc.sql("update accounts set name = ? where id = ?").params(name, accountId).update();
		});
	}

	void updateConsents(UUID accountId, boolean marketing, boolean productUpdates) {
		this.transactions.asAccount(accountId, () -> {
			this.jdbc.sql("update accounts set consent_marketing = ?, consent_product_updates = ? where id = ?")
				.params(marketing, productUpdates, accountId)
				.update();
		});
	}

	/**
	 * Records that the terms were accepted (at sign-up, where the form requires it; kept
	 * at the first sign-in, when the account can first act as itself).
	 * @param accountId the account
	 */
	public void acceptTerms(UUID accountId) {
		this.transactions.asAccount(accountId, () -> {
			this.jdbc.sql("update accounts set consent_terms_at = now() where id = ? and consent_terms_at is null")
				.param(accountId)
				.update();
		});
	}

}
