-- Application roles, the caller-identity helper and shared trigger functions.
-- Roles are cluster-wide, so they are created only when absent; the connecting (migration) user
-- becomes a member so the services can SET ROLE to them.

do $$
begin
	if not exists (select 1 from pg_roles where rolname = 'mindroom_portal') then
		create role mindroom_portal nologin nobypassrls;
	end if;
	if not exists (select 1 from pg_roles where rolname = 'mindroom_service') then
		create role mindroom_service nologin nobypassrls;
	end if;
	execute format('grant mindroom_portal to %I', current_user);
	execute format('grant mindroom_service to %I', current_user);
end
$$;

grant usage on schema mindroom to mindroom_portal, mindroom_service;

-- The caller's account id, read from the transaction's JWT claims the way Supabase sets them
-- (request.jwt.claims as JSON); null when no caller is set.
create function mindroom.current_account_id() returns uuid
	language sql stable
as $$
	select nullif(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub', '')::uuid
$$;

grant execute on function mindroom.current_account_id() to mindroom_portal, mindroom_service;

create function mindroom.touch_updated_at() returns trigger
	language plpgsql
as $$
begin
	new.updated_at := now();
	return new;
end
$$;
