package com.mindroom.portal.account;

import com.mindroom.common.audit.AuditEntry;
import com.mindroom.common.audit.AuditLog;
import com.mindroom.common.db.TenantTransactions;
import com.mindroom.portal.system.Caller;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Everything we hold about the caller, as one JSON document (GDPR access and
 * portability): the account, subscriptions, instances and their history, invoices, usage,
 * uptime, backups, the emails we queued, contact requests and the audit entries about the
 * account. Never a secret: no password hash, second-factor secret, token or email link.
 * Built by PostgreSQL in one query, as the caller.
 */
@Component
public class DataExport {

	private static final String EXPORT = """
			select jsonb_build_object(
			  'format', 'mindroom-account-export/1',
			  'generated_at', now(),
			  'account', (select to_jsonb(a) from (
			      select id, email, name, status, status_reason, email_verified_at, stripe_customer_id, consent_terms_at,
			             consent_marketing, consent_product_updates, deletion_requested_at, deletion_scheduled_for,
			             created_at, updated_at
			      from accounts where id = :id) a),
			  'subscriptions', (select coalesce(jsonb_agg(to_jsonb(s) order by s.created_at), '[]')
			      from subscriptions s where s.account_id = :id),
			  'instances', (select coalesce(jsonb_agg(to_jsonb(i) - array['claimed_by', 'claimed_until', 'attempts',
			      'next_attempt_at', 'values_hash'] order by i.created_at), '[]') from instances i where i.account_id = :id),
			  'instance_events', (select coalesce(jsonb_agg(to_jsonb(e) order by e.id), '[]')
			      from instance_events e where e.account_id = :id),
			  'invoices', (select coalesce(jsonb_agg(to_jsonb(v) order by v.stripe_created_at), '[]')
			      from invoices v where v.account_id = :id),
			  'usage_daily', (select coalesce(jsonb_agg(to_jsonb(u) order by u.day), '[]')
			      from usage_daily u where u.account_id = :id),
			  'uptime_hourly', (select coalesce(jsonb_agg(to_jsonb(h) order by h.hour), '[]')
			      from uptime_hourly h where h.account_id = :id),
			  'backups', (select coalesce(jsonb_agg(to_jsonb(b) - 'object_key' order by b.started_at), '[]')
			      from backups b where b.account_id = :id),
			  'notifications', (select coalesce(jsonb_agg(jsonb_build_object('id', n.id, 'template', n.template,
			      'subject', n.subject, 'recipient', n.recipient, 'status', n.status, 'created_at', n.created_at,
			      'sent_at', n.sent_at) order by n.created_at), '[]') from notification_outbox n where n.account_id = :id),
			  'contact_requests', (select coalesce(jsonb_agg(to_jsonb(c) order by c.created_at), '[]')
			      from contact_requests c where c.account_id = :id),
			  'audit_log', (select coalesce(jsonb_agg(to_jsonb(l) order by l.id), '[]')
			      from audit_log l where l.account_id = :id)
			)::text
			""";

	private final JdbcClient jdbc;

	private final TenantTransactions transactions;

	private final AuditLog audit;

	DataExport(JdbcClient jdbc, TenantTransactions transactions, AuditLog audit) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.audit = audit;
	}

	/**
	 * Builds the caller's export and records that it was taken.
	 * @param caller the customer
	 * @return the JSON document
	 */
	public String export(Caller caller) {
		return this.transactions.asAccount(caller.accountId(), () -> {
			String json = this.jdbc.sql(EXPORT).param("id", caller.accountId()).query(String.class).single();
			this.audit.record(AuditEntry.of(caller.actor(), "account.exported")
				.withAccount(caller.accountId())
				.withTarget("account", caller.accountId()));
			return json;
		});
	}

}
