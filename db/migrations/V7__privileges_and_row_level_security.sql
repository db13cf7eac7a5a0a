-- Privileges of the two application roles and Row Level Security as defence in depth.
-- mindroom_portal acts for one customer at a time (request.jwt.claims set per transaction) and never
-- bypasses RLS; mindroom_service is the back office (stripe-handler, provisioner, admin).

-- Back office: every table, but the audit log only grows.
grant select, insert, update, delete on all tables in schema mindroom to mindroom_service;
revoke update, delete, truncate on mindroom.audit_log from mindroom_service;
grant usage, select on all sequences in schema mindroom to mindroom_service, mindroom_portal;

-- Portal: only what a signed-in customer's requests need.
grant select, insert on mindroom.accounts to mindroom_portal;
grant update (email, name, password_hash, email_verified_at, stripe_customer_id, consent_terms_at,
	consent_marketing, consent_product_updates, deletion_requested_at, deletion_scheduled_for)
	on mindroom.accounts to mindroom_portal;
grant select, insert on mindroom.subscriptions to mindroom_portal;
grant select, insert on mindroom.instances to mindroom_portal;
grant update (desired_state, desired_reason, desired_review_at, stopped_by_customer, restart_requested_at)
	on mindroom.instances to mindroom_portal;
grant select, insert on mindroom.instance_events to mindroom_portal;
grant select on mindroom.invoices, mindroom.usage_daily, mindroom.uptime_hourly, mindroom.backups
	to mindroom_portal;
grant select, insert on mindroom.restores to mindroom_portal;
grant select, insert on mindroom.audit_log to mindroom_portal;
grant select, insert on mindroom.notification_outbox to mindroom_portal;
grant insert on mindroom.contact_requests to mindroom_portal;
grant insert on mindroom.jobs to mindroom_portal;
grant select, insert, update, delete on mindroom.account_tokens, mindroom.login_throttle,
	mindroom.spring_session, mindroom.spring_session_attributes to mindroom_portal;
grant select on mindroom.simulated_clock to mindroom_portal;

-- Customer-facing tables: the portal sees only the caller's rows; the back office sees all.
do $$
declare
	t text;
begin
	foreach t in array array['subscriptions', 'instances', 'instance_events', 'invoices', 'usage_daily',
			'uptime_hourly', 'backups', 'restores', 'audit_log', 'notification_outbox', 'contact_requests'] loop
		execute format('alter table mindroom.%I enable row level security', t);
		execute format('create policy %I on mindroom.%I for all to mindroom_service using (true) with check (true)',
			t || '_service', t);
		execute format('create policy %I on mindroom.%I for select to mindroom_portal '
			|| 'using (account_id = mindroom.current_account_id())', t || '_portal_read', t);
	end loop;
end
$$;

alter table mindroom.accounts enable row level security;
create policy accounts_service on mindroom.accounts for all to mindroom_service using (true) with check (true);
create policy accounts_portal_read on mindroom.accounts for select to mindroom_portal
	using (id = mindroom.current_account_id());
create policy accounts_portal_insert on mindroom.accounts for insert to mindroom_portal
	with check (id = mindroom.current_account_id() and not is_admin and status = 'active');
create policy accounts_portal_update on mindroom.accounts for update to mindroom_portal
	using (id = mindroom.current_account_id()) with check (id = mindroom.current_account_id());

-- A customer may grant themselves only the Free plan; paid plans come from Stripe through the back office.
create policy subscriptions_portal_insert on mindroom.subscriptions for insert to mindroom_portal
	with check (account_id = mindroom.current_account_id() and stripe_subscription_id is null and plan = 'free');

create policy instances_portal_insert on mindroom.instances for insert to mindroom_portal
	with check (account_id = mindroom.current_account_id());
create policy instances_portal_update on mindroom.instances for update to mindroom_portal
	using (account_id = mindroom.current_account_id()) with check (account_id = mindroom.current_account_id());

create policy instance_events_portal_insert on mindroom.instance_events for insert to mindroom_portal
	with check (account_id = mindroom.current_account_id());
create policy restores_portal_insert on mindroom.restores for insert to mindroom_portal
	with check (account_id = mindroom.current_account_id());
create policy notification_outbox_portal_insert on mindroom.notification_outbox for insert to mindroom_portal
	with check (account_id = mindroom.current_account_id());
create policy contact_requests_portal_insert on mindroom.contact_requests for insert to mindroom_portal
	with check (account_id = mindroom.current_account_id());
-- Sign-in failures of unknown emails have no account to attribute them to.
create policy audit_log_portal_insert on mindroom.audit_log for insert to mindroom_portal
	with check (account_id is null or account_id = mindroom.current_account_id());

-- Tables added by later migrations reach the back office without a grant each; the portal's stay explicit.
alter default privileges in schema mindroom grant select, insert, update, delete on tables to mindroom_service;
alter default privileges in schema mindroom grant usage, select on sequences to mindroom_service;
