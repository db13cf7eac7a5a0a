package com.mindroom.common.db;

import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a unit of work "as account X": one transaction whose {@code request.jwt.claims}
 * carry the caller's id, as Supabase sets them, so Row Level Security keeps every query
 * to the caller's rows even when a query forgets its {@code where account_id = ?}.
 */
public class TenantTransactions {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	public TenantTransactions(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Runs work in a transaction acting as the given account.
	 * @param accountId the caller's account id
	 * @param work the work
	 * @param <T> the result type
	 * @return the work's result
	 */
	public <T> T asAccount(UUID accountId, Supplier<T> work) {
		return this.transactions.execute((status) -> {
			actAs(accountId);
			return work.get();
		});
	}

	/**
	 * Runs work in a transaction acting as the given account.
	 * @param accountId the caller's account id
	 * @param work the work
	 */
	public void asAccount(UUID accountId, Runnable work) {
		this.transactions.executeWithoutResult((status) -> {
			actAs(accountId);
			work.run();
		});
	}

	private void actAs(UUID accountId) {
		String claims = "{\"sub\":\"" + accountId + "\",\"role\":\"authenticated\"}";
		this.jdbc.sql("select set_config('request.jwt.claims', ?, true)").param(claims).query().singleValue();
	}

}
