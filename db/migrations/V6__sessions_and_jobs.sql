-- Tables the chosen libraries need: Spring Session JDBC (portal and admin sessions across replicas),
-- ShedLock (one replica runs each scheduled job), and a small job queue claimed with SKIP LOCKED.

create table mindroom.spring_session (
	primary_id char(36) not null primary key,
	session_id char(36) not null unique,
	creation_time bigint not null,
	last_access_time bigint not null,
	max_inactive_interval integer not null,
	expiry_time bigint not null,
	principal_name varchar(100)
);

create index spring_session_expiry_idx on mindroom.spring_session (expiry_time);
create index spring_session_principal_idx on mindroom.spring_session (principal_name);

create table mindroom.spring_session_attributes (
	session_primary_id char(36) not null references mindroom.spring_session (primary_id) on delete cascade,
	attribute_name varchar(200) not null,
	attribute_bytes bytea not null,
	primary key (session_primary_id, attribute_name)
);

create table mindroom.shedlock (
	name varchar(64) primary key,
	lock_until timestamptz not null,
	locked_at timestamptz not null,
	locked_by varchar(255) not null
);

-- On-demand work for the back office (a Stripe backfill, a resync, a restore), so a click in the
-- admin dashboard never calls another service: the owning service claims it.
create table mindroom.jobs (
	id uuid primary key default gen_random_uuid(),
	kind text not null check (kind ~ '^[a-z][a-z0-9_.]*$'),
	payload jsonb not null default '{}'::jsonb,
	status text not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'failed')),
	-- at most one queued or running job per key (a second "backfill now" joins the first)
	dedupe_key text,
	attempts integer not null default 0 check (attempts >= 0),
	max_attempts integer not null default 5 check (max_attempts > 0),
	run_at timestamptz not null default now(),
	locked_until timestamptz,
	last_error text,
	result jsonb,
	requested_by uuid,
	created_at timestamptz not null default now(),
	finished_at timestamptz
);

create index jobs_due_idx on mindroom.jobs (kind, run_at) where status in ('queued', 'running');
create unique index jobs_active_key on mindroom.jobs (dedupe_key) where status in ('queued', 'running');

-- Wakes the owning service when a job is queued.
create function mindroom.notify_job_queued() returns trigger
	language plpgsql
as $$
begin
	perform pg_notify('job_queued', new.kind);
	return new;
end
$$;

create trigger jobs_notify after insert on mindroom.jobs
	for each row execute function mindroom.notify_job_queued();

-- The platform's notion of "now" when it runs against the local Stripe simulator, whose clock can be advanced
-- for demos and end-to-end tests (renewals, trial ends, grace periods). Production never reads it.
create table mindroom.simulated_clock (
	id boolean primary key default true check (id),
	offset_seconds bigint not null default 0 check (offset_seconds >= 0),
	updated_at timestamptz not null default now()
);
