-- The append-only audit log and the notification outbox.

-- No foreign keys on purpose: an audit entry outlives what it is about, and an ON DELETE action would
-- have to rewrite it.
create table mindroom.audit_log (
	id bigint generated always as identity primary key,
	occurred_at timestamptz not null default now(),
	actor_id uuid,
	actor_email text,
	actor_type text not null check (actor_type in ('admin', 'customer', 'system', 'operator', 'anonymous')),
	action text not null check (action ~ '^[a-z][a-z0-9_.]*$'),
	target_type text,
	target_id text,
	-- the account the entry is about (what a customer's data export and the admin's account page show)
	account_id uuid,
	ip inet,
	user_agent text,
	reason text,
	outcome text not null check (outcome in ('success', 'denied', 'failure')),
	detail jsonb not null default '{}'::jsonb
);

create index audit_log_occurred_idx on mindroom.audit_log (occurred_at desc);
create index audit_log_account_idx on mindroom.audit_log (account_id, occurred_at desc);
create index audit_log_action_idx on mindroom.audit_log (action, occurred_at desc);

create function mindroom.refuse_audit_change() returns trigger
	language plpgsql
as $$
begin
	raise exception 'audit_log is append-only' using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_log_append_only before update or delete on mindroom.audit_log
	for each row execute function mindroom.refuse_audit_change();
create trigger audit_log_no_truncate before truncate on mindroom.audit_log
	for each statement execute function mindroom.refuse_audit_change();

-- Emails to send; a dedupe key makes one incident (or one reminder) one message.
create table mindroom.notification_outbox (
	id uuid primary key default gen_random_uuid(),
	account_id uuid references mindroom.accounts (id) on delete cascade,
	recipient text not null,
	template text not null check (template ~ '^[a-z][a-z0-9_]*$'),
	subject text not null,
	params jsonb not null default '{}'::jsonb,
	dedupe_key text unique,
	status text not null default 'pending' check (status in ('pending', 'sent', 'failed', 'held')),
	attempts integer not null default 0 check (attempts >= 0),
	next_attempt_at timestamptz not null default now(),
	last_error text,
	created_at timestamptz not null default now(),
	sent_at timestamptz
);

create index notification_outbox_due_idx on mindroom.notification_outbox (next_attempt_at) where status = 'pending';
create index notification_outbox_account_idx on mindroom.notification_outbox (account_id);

-- Operational incidents behind admin alert emails: one open incident per key.
create table mindroom.alert_incidents (
	id uuid primary key default gen_random_uuid(),
	alert_key text not null,
	severity text not null check (severity in ('warning', 'critical')),
	summary text not null,
	opened_at timestamptz not null default now(),
	last_seen_at timestamptz not null default now(),
	resolved_at timestamptz,
	notified_at timestamptz
);

create unique index alert_incidents_open_key on mindroom.alert_incidents (alert_key) where resolved_at is null;
