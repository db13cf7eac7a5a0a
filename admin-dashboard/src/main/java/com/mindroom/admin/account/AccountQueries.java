package com.mindroom.admin.account;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.mindroom.admin.account.AccountViews.Account;
import com.mindroom.admin.account.AccountViews.AccountDetail;
import com.mindroom.admin.account.AccountViews.AccountRow;
import com.mindroom.admin.account.AccountViews.Instance;
import com.mindroom.admin.account.AccountViews.InstanceEvent;
import com.mindroom.admin.account.AccountViews.Invoice;
import com.mindroom.admin.account.AccountViews.Subscription;
import com.mindroom.admin.account.AccountViews.Usage;
import com.mindroom.admin.audit.AuditLine;
import com.mindroom.admin.web.Page;
import com.mindroom.admin.web.PageRequest;
import com.mindroom.admin.web.SqlPatterns;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads accounts for the dashboard: search by email, name or instance slug with paging
 * and sorting, and everything about one account.
 */
@Component
public class AccountQueries {

	/** The sort keys a caller may choose, mapped to SQL (never a caller's text). */
	static final Map<String, String> SORTS = Map.of("created", "a.created_at", "email", "lower(a.email)", "name",
			"lower(a.name)", "status", "a.status");

	private static final String MATCH = """
			(cast(:pattern as text) is null or a.email ilike :pattern escape '\\' or a.name ilike :pattern escape '\\'
			    or exists (select 1 from instances i where i.account_id = a.id and i.slug ilike :pattern escape '\\'))
			""";

	private final JdbcClient jdbc;

	AccountQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Page<AccountRow> search(String query, String sort, boolean ascending, PageRequest page) {
		String pattern = SqlPatterns.contains(query);
		String order = SORTS.getOrDefault(sort, SORTS.get("created")) + (ascending ? " asc" : " desc");
		long total = this.jdbc.sql("select count(*) from accounts a where " + MATCH)
			.param("pattern", pattern)
			.query(Long.class)
			.single();
		var rows = this.jdbc
			.sql("""
					select a.id, a.email, a.name, a.status, a.is_admin, a.deletion_scheduled_for, a.created_at,
					    (select string_agg(s.plan || ':' || s.status, ', ' order by s.created_at)
					     from subscriptions s where s.account_id = a.id) as plans,
					    (select string_agg(i.slug, ', ' order by i.created_at) from instances i where i.account_id = a.id) as slugs
					from accounts a where %s
					order by %s, a.id limit :limit offset :offset
					"""
				.formatted(MATCH, order))
			.param("pattern", pattern)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, row) -> new AccountRow(rs.getObject("id", UUID.class), rs.getString("email"),
					rs.getString("name"), rs.getString("status"), rs.getBoolean("is_admin"), rs.getString("plans"),
					rs.getString("slugs"), rs.getObject("deletion_scheduled_for", OffsetDateTime.class),
					rs.getObject("created_at", OffsetDateTime.class)))
			.list();
		return page.of(rows, total);
	}

	public Optional<Account> account(UUID id) {
		return this.jdbc.sql("""
				select id, email, name, status, status_reason, is_admin, admin_totp_enrolled_at, email_verified_at,
				    stripe_customer_id, deletion_requested_at, deletion_scheduled_for, deleted_at, created_at
				from accounts where id = ?
				""")
			.param(id)
			.query((rs, row) -> new Account(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name"),
					rs.getString("status"), rs.getString("status_reason"), rs.getBoolean("is_admin"),
					rs.getObject("admin_totp_enrolled_at", OffsetDateTime.class),
					rs.getObject("email_verified_at", OffsetDateTime.class), rs.getString("stripe_customer_id"),
					rs.getObject("deletion_requested_at", OffsetDateTime.class),
					rs.getObject("deletion_scheduled_for", OffsetDateTime.class),
					rs.getObject("deleted_at", OffsetDateTime.class), rs.getObject("created_at", OffsetDateTime.class)))
			.optional();
	}

	public Optional<AccountDetail> detail(UUID id) {
		return account(id).map((account) -> new AccountDetail(account, subscriptions(id), instances(id), events(id),
				invoices(id), usage(id), audit(id)));
	}

	private java.util.List<Subscription> subscriptions(UUID id) {
		return this.jdbc.sql("""
				select id, stripe_subscription_id, status, plan, billing_interval, unit_amount, currency, quantity,
				    trial_end, current_period_end, cancel_at_period_end, canceled_at
				from subscriptions where account_id = ? order by created_at desc
				""").param(id).query((rs, row) -> {
			long amount = rs.getLong("unit_amount");
			return new Subscription(rs.getObject("id", UUID.class), rs.getString("stripe_subscription_id"),
					rs.getString("status"), rs.getString("plan"), rs.getString("billing_interval"),
					rs.wasNull() ? null : amount, rs.getString("currency"), rs.getInt("quantity"),
					rs.getObject("trial_end", OffsetDateTime.class),
					rs.getObject("current_period_end", OffsetDateTime.class), rs.getBoolean("cancel_at_period_end"),
					rs.getObject("canceled_at", OffsetDateTime.class));
		}).list();
	}

	private java.util.List<Instance> instances(UUID id) {
		return this.jdbc.sql("""
				select id, slug, plan, desired_state, desired_reason, observed_state, last_error
				from instances where account_id = ? order by created_at
				""")
			.param(id)
			.query((rs, row) -> new Instance(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("plan"),
					rs.getString("desired_state"), rs.getString("desired_reason"), rs.getString("observed_state"),
					rs.getString("last_error")))
			.list();
	}

	private java.util.List<InstanceEvent> events(UUID id) {
		return this.jdbc.sql("""
				select instance_id, occurred_at, kind, from_state, to_state, message, actor
				from instance_events where account_id = ? order by id desc limit 50
				""")
			.param(id)
			.query((rs, row) -> new InstanceEvent(rs.getObject("instance_id", UUID.class),
					rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("kind"), rs.getString("from_state"),
					rs.getString("to_state"), rs.getString("message"), rs.getString("actor")))
			.list();
	}

	private java.util.List<Invoice> invoices(UUID id) {
		return this.jdbc.sql("""
				select number, status, amount_due, amount_paid, currency, stripe_created_at, hosted_invoice_url
				from invoices where account_id = ? order by stripe_created_at desc limit 20
				""")
			.param(id)
			.query((rs, row) -> new Invoice(rs.getString("number"), rs.getString("status"), rs.getLong("amount_due"),
					rs.getLong("amount_paid"), rs.getString("currency"),
					rs.getObject("stripe_created_at", OffsetDateTime.class), rs.getString("hosted_invoice_url")))
			.list();
	}

	private java.util.List<Usage> usage(UUID id) {
		return this.jdbc.sql("""
				select day, sum(messages) as messages, max(active_agents) as agents, sum(storage_bytes) as storage
				from usage_daily where account_id = ? and day > current_date - 30 group by day order by day desc
				""")
			.param(id)
			.query((rs, row) -> new Usage(rs.getObject("day", LocalDate.class), rs.getLong("messages"),
					rs.getInt("agents"), rs.getLong("storage")))
			.list();
	}

	private java.util.List<AuditLine> audit(UUID id) {
		return this.jdbc
			.sql("select " + AuditLine.COLUMNS + " from audit_log where account_id = ? order by id desc limit 50")
			.param(id)
			.query(AuditLine::read)
			.list();
	}

}
