-- The admin dashboard: its own Spring Session tables (admin sessions never share a table, a cookie or a
-- timeout with customers'), replay protection for the admin second factor, and indexes for its filters.

create table mindroom.admin_spring_session (
	primary_id char(36) not null primary key,
	session_id char(36) not null unique,
	creation_time bigint not null,
	last_access_time bigint not null,
	max_inactive_interval integer not null,
	expiry_time bigint not null,
	principal_name varchar(100)
);

create index admin_spring_session_expiry_idx on mindroom.admin_spring_session (expiry_time);
create index admin_spring_session_principal_idx on mindroom.admin_spring_session (principal_name);

create table mindroom.admin_spring_session_attributes (
	session_primary_id char(36) not null references mindroom.admin_spring_session (primary_id) on delete cascade,
	attribute_name varchar(200) not null,
	attribute_bytes bytea not null,
	primary key (session_primary_id, attribute_name)
);

-- The newest TOTP time step accepted for the account: a code of that step or an older one is refused,
-- so a code seen over someone's shoulder cannot be used again within its window.
alter table mindroom.accounts add column admin_totp_last_step bigint;

create index stripe_events_status_idx on mindroom.stripe_events (status, received_at desc);
create index instances_plan_idx on mindroom.instances (plan, observed_state);
create index audit_log_actor_idx on mindroom.audit_log (actor_email, occurred_at desc);

-- The back office gets the new tables through the default privileges of V7; the portal gets none of them.
revoke all on mindroom.admin_spring_session, mindroom.admin_spring_session_attributes from mindroom_portal;
