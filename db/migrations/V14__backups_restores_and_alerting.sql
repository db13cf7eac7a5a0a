-- Backups, restores through the lifecycle, restore drills and the alerting that watches them.

-- How long an instance has been in its observed state (alerts on instances in error or degraded for too long).
alter table mindroom.instances add column observed_state_since timestamptz;
update mindroom.instances set observed_state_since = coalesce(observed_at, updated_at);
alter table mindroom.instances alter column observed_state_since set default now();
alter table mindroom.instances alter column observed_state_since set not null;

create function mindroom.track_observed_state_since() returns trigger
	language plpgsql
as $$
begin
	if new.observed_state is distinct from old.observed_state then
		new.observed_state_since := now();
	end if;
	return new;
end
$$;

create trigger instances_observed_state_since before update on mindroom.instances
	for each row execute function mindroom.track_observed_state_since();

-- Backups: at most one scheduled backup per instance and day, the Kubernetes Job that takes it, who asked
-- for a manual one, and when retention deleted its object.
alter table mindroom.backups
	add column scheduled_for date,
	add column job_name text,
	add column requested_by uuid,
	add column expired_at timestamptz;

create unique index backups_scheduled_once on mindroom.backups (instance_id, scheduled_for) where kind = 'scheduled';
create index backups_expiry_idx on mindroom.backups (expires_at) where status = 'succeeded';

-- Restores and drills run in phases (a restore suspends the instance, restores its data, resumes it); each
-- has a Job, a namespace (the tenant's, or a drill's scratch namespace) and a deadline.
alter table mindroom.restores
	add column phase text not null default 'queued'
		check (phase in ('queued', 'suspending', 'restoring', 'resuming', 'done')),
	add column job_name text,
	add column namespace text,
	add column deadline_at timestamptz,
	add column actor text,
	add column updated_at timestamptz not null default now();

create trigger restores_touch before update on mindroom.restores
	for each row execute function mindroom.touch_updated_at();

-- One restore of an instance at a time.
create unique index restores_one_active on mindroom.restores (instance_id)
	where kind = 'restore' and status in ('pending', 'running');
create index restores_active_idx on mindroom.restores (created_at) where status in ('pending', 'running');

-- The restore that holds the instance suspended while its data is replaced (a hold like the admin's).
alter table mindroom.instances add column restore_id uuid references mindroom.restores (id) on delete set null;

-- A customer may only ask for a restore of their own instance from one of its successful backups; the
-- provisioner does the rest.
drop policy restores_portal_insert on mindroom.restores;
create policy restores_portal_insert on mindroom.restores for insert to mindroom_portal
	with check (account_id = mindroom.current_account_id() and kind = 'restore' and status = 'pending'
		and phase = 'queued' and exists (select 1 from mindroom.backups b
			where b.id = backup_id and b.instance_id = restores.instance_id and b.status = 'succeeded'));

create index alert_incidents_opened_idx on mindroom.alert_incidents (opened_at desc);
