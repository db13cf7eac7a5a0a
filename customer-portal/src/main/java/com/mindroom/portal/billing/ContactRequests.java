package com.mindroom.portal.billing;

import com.mindroom.common.db.TenantTransactions;
import com.mindroom.common.identity.EmailAddresses;
import com.mindroom.common.identity.IdentityException;
import com.mindroom.common.web.Problems;
import com.mindroom.portal.system.Caller;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Enterprise enquiries (the plan sold by our sales team instead of checkout), stored in
 * {@code contact_requests} for the back office.
 */
@Component
class ContactRequests {

	private final JdbcClient jdbc;

	private final TenantTransactions transactions;

	ContactRequests(JdbcClient jdbc, TenantTransactions transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	void submit(Caller caller, String email, String company, String message) {
		String address;
		try {
			address = EmailAddresses.normalize(email);
		}
		catch (IdentityException ex) {
			throw Problems.badRequest(ex.getMessage());
		}
		String text = (message != null) ? message.trim() : "";
		if (text.isEmpty() || text.length() > 5000) {
			throw Problems.badRequest("Tell us briefly what you need (up to 5000 characters).");
		}
		String organisation = (company != null) ? company.trim() : "";
		if (organisation.length() > 200) {
			throw Problems.badRequest("Use a company name of at most 200 characters.");
		}
		this.transactions.asAccount(caller.accountId(), () -> {
			this.jdbc.sql("insert into contact_requests (account_id, email, company, message) values (?, ?, ?, ?)")
				.params(caller.accountId(), address, organisation, text)
				.update();
		});
	}

}
