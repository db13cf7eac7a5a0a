package com.mindroom.stripe.backfill;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.common.job.Job;
import com.mindroom.common.job.JobQueue;
import com.mindroom.common.job.StripeJobs;
import com.mindroom.stripe.api.StripeApi;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs {@code stripe.customer_email} jobs, queued by the portal when a customer's email
 * changes: sets the Stripe customer's email to the address the account has when the job
 * runs (the job carries only the account), so a later change wins. A change that lands
 * while the job runs joins it rather than queuing another, so the job checks the address
 * again when it completes and queues one more run when it moved on.
 */
@Component
class CustomerEmails {

	private static final Logger logger = LoggerFactory.getLogger(CustomerEmails.class);

	private final JdbcClient jdbc;

	private final StripeApi api;

	private final JobQueue queue;

	private final TransactionTemplate transactions;

	CustomerEmails(JdbcClient jdbc, StripeApi api, JobQueue queue, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.api = api;
		this.queue = queue;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Updates the Stripe customer of the job's account and completes the job.
	 * @param job a claimed {@code stripe.customer_email} job
	 */
	void run(Job job) {
		UUID accountId = UUID.fromString(String.valueOf(job.payload().get("account_id")));
		Optional<Customer> customer = customer(accountId);
		if (customer.isEmpty()) {
			this.queue.succeed(job.id(), Map.of("updated", false, "reason", "no_stripe_customer"));
			return;
		}
		Customer sent = customer.get();
		this.api.updateCustomerEmail(sent.id(), sent.email());
		logger.info("Updated the email of Stripe customer {} (account {})", sent.id(), accountId);
		this.transactions.executeWithoutResult((status) -> {
			this.queue.succeed(job.id(), Map.of("updated", true, "customer", sent.id()));
			if (!customer(accountId).equals(customer)) {
				this.queue.enqueue(job.kind(), job.payload(), StripeJobs.customerEmailKey(accountId),
						job.requestedBy());
			}
		});
	}

	private Optional<Customer> customer(UUID accountId) {
		return this.jdbc
			.sql("select stripe_customer_id, email from accounts where id = ? and stripe_customer_id is not null")
			.param(accountId)
			.query((rs, row) -> new Customer(rs.getString("stripe_customer_id"), rs.getString("email")))
			.optional();
	}

	private record Customer(String id, String email) {

	}

}
