-- Tenant instances (desired vs observed state), their event history, usage, uptime and backups.

create table mindroom.instances (
	id uuid primary key default gen_random_uuid(),
	account_id uuid not null references mindroom.accounts (id) on delete cascade,
	-- at most one instance per subscription
	subscription_id uuid not null unique references mindroom.subscriptions (id) on delete cascade,
	slug text not null unique check (slug ~ '^[a-z][a-z0-9-]{1,30}[a-z0-9]$'),
	plan text not null check (plan ~ '^[a-z][a-z0-9_-]{0,31}$'),
	desired_state text not null default 'running' check (desired_state in ('running', 'suspended', 'deleted')),
	desired_reason text,
	-- when time alone changes the desired state (a trial, grace, period or retention ending)
	desired_review_at timestamptz,
	generation bigint not null default 1 check (generation > 0),
	observed_state text not null default 'pending' check (observed_state in ('pending', 'provisioning', 'running',
		'degraded', 'suspending', 'suspended', 'deleting', 'deleted', 'error')),
	observed_generation bigint not null default 0 check (observed_generation >= 0),
	observed_at timestamptz,
	last_error text,
	-- holds that override an entitled subscription
	stopped_by_customer boolean not null default false,
	suspended_by_admin boolean not null default false,
	-- requests the provisioner acts on (a rollout restart, a reconcile from scratch)
	restart_requested_at timestamptz,
	reprovision_requested_at timestamptz,
	-- reconcile queue: claimed with FOR UPDATE SKIP LOCKED
	attempts integer not null default 0 check (attempts >= 0),
	next_attempt_at timestamptz not null default now(),
	claimed_by text,
	claimed_until timestamptz,
	namespace text unique,
	helm_release text,
	chart_version text,
	values_hash text,
	url text,
	matrix_url text,
	health_status text check (health_status in ('up', 'degraded', 'down')),
	health_reason text,
	health_checked_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	deleted_at timestamptz,
	check (observed_generation <= generation)
);

create index instances_account_idx on mindroom.instances (account_id);
create index instances_due_idx on mindroom.instances (next_attempt_at)
	where observed_state <> 'deleted' or desired_state <> 'deleted';
create index instances_observed_idx on mindroom.instances (observed_state);
create index instances_review_idx on mindroom.instances (desired_review_at) where desired_review_at is not null;

create trigger instances_touch before update on mindroom.instances
	for each row execute function mindroom.touch_updated_at();

-- A change to what should run bumps the generation, so the provisioner can tell its work is stale.
create function mindroom.bump_instance_generation() returns trigger
	language plpgsql
as $$
begin
	if new.desired_state is distinct from old.desired_state
			or new.plan is distinct from old.plan
			or new.restart_requested_at is distinct from old.restart_requested_at
			or new.reprovision_requested_at is distinct from old.reprovision_requested_at then
		new.generation := old.generation + 1;
		new.next_attempt_at := now();
		new.attempts := 0;
	end if;
	return new;
end
$$;

create trigger instances_generation before update on mindroom.instances
	for each row execute function mindroom.bump_instance_generation();

-- Wakes the provisioners (LISTEN instance_changed) when there is new work; delivered at commit.
create function mindroom.notify_instance_changed() returns trigger
	language plpgsql
as $$
begin
	perform pg_notify('instance_changed', new.id::text);
	return new;
end
$$;

create trigger instances_notify_insert after insert on mindroom.instances
	for each row execute function mindroom.notify_instance_changed();
create trigger instances_notify_update after update on mindroom.instances
	for each row when (new.generation <> old.generation or new.next_attempt_at < old.next_attempt_at)
	execute function mindroom.notify_instance_changed();

-- Every transition (desired or observed), what the portal shows as live progress and admins as history.
create table mindroom.instance_events (
	id bigint generated always as identity primary key,
	instance_id uuid not null references mindroom.instances (id) on delete cascade,
	account_id uuid not null references mindroom.accounts (id) on delete cascade,
	occurred_at timestamptz not null default now(),
	kind text not null check (kind in ('desired', 'observed', 'progress', 'error', 'health', 'action', 'backup',
		'restore')),
	from_state text,
	to_state text,
	generation bigint,
	message text not null,
	actor text
);

create index instance_events_instance_idx on mindroom.instance_events (instance_id, id desc);
create index instance_events_account_idx on mindroom.instance_events (account_id);

-- Usage per instance and day, collected by the provisioner.
create table mindroom.usage_daily (
	instance_id uuid not null references mindroom.instances (id) on delete cascade,
	account_id uuid not null references mindroom.accounts (id) on delete cascade,
	day date not null,
	messages bigint not null default 0 check (messages >= 0),
	active_agents integer not null default 0 check (active_agents >= 0),
	storage_bytes bigint not null default 0 check (storage_bytes >= 0),
	collected_at timestamptz not null default now(),
	primary key (instance_id, day)
);

create index usage_daily_account_idx on mindroom.usage_daily (account_id, day);

-- Health-check results kept compactly: counts per instance and hour, from which uptime is computed.
create table mindroom.uptime_hourly (
	instance_id uuid not null references mindroom.instances (id) on delete cascade,
	account_id uuid not null references mindroom.accounts (id) on delete cascade,
	hour timestamptz not null check (date_trunc('hour', hour) = hour),
	checks integer not null default 0 check (checks >= 0),
	up_checks integer not null default 0 check (up_checks >= 0),
	degraded_checks integer not null default 0 check (degraded_checks >= 0),
	primary key (instance_id, hour),
	check (up_checks + degraded_checks <= checks)
);

create index uptime_hourly_account_idx on mindroom.uptime_hourly (account_id, hour);

-- Per-tenant generated secrets, encrypted with the platform key; the provisioner writes them into the
-- tenant's Kubernetes Secret. No application role other than the back office can read them.
create table mindroom.tenant_secrets (
	instance_id uuid primary key references mindroom.instances (id) on delete cascade,
	key_version integer not null default 1,
	ciphertext bytea not null,
	created_at timestamptz not null default now()
);

create table mindroom.backups (
	id uuid primary key default gen_random_uuid(),
	instance_id uuid not null references mindroom.instances (id) on delete cascade,
	account_id uuid not null references mindroom.accounts (id) on delete cascade,
	kind text not null default 'scheduled' check (kind in ('scheduled', 'manual')),
	status text not null default 'running' check (status in ('running', 'succeeded', 'failed', 'expired')),
	started_at timestamptz not null default now(),
	deadline_at timestamptz not null,
	finished_at timestamptz,
	object_key text,
	size_bytes bigint check (size_bytes >= 0),
	checksum_sha256 text,
	error text,
	expires_at timestamptz,
	created_at timestamptz not null default now()
);

create index backups_instance_idx on mindroom.backups (instance_id, started_at desc);
create index backups_status_idx on mindroom.backups (status, deadline_at);

-- Restores requested by an admin or customer, and the weekly restore drills.
create table mindroom.restores (
	id uuid primary key default gen_random_uuid(),
	instance_id uuid not null references mindroom.instances (id) on delete cascade,
	account_id uuid not null references mindroom.accounts (id) on delete cascade,
	backup_id uuid not null references mindroom.backups (id) on delete cascade,
	kind text not null check (kind in ('restore', 'drill')),
	status text not null default 'pending' check (status in ('pending', 'running', 'succeeded', 'failed')),
	requested_by uuid,
	started_at timestamptz,
	finished_at timestamptz,
	checksum_verified boolean,
	error text,
	created_at timestamptz not null default now()
);

create index restores_instance_idx on mindroom.restores (instance_id, created_at desc);
