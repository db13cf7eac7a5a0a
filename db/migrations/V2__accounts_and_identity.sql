-- Accounts (id = identity subject) and what the built-in identity provider and admin sign-in need.

create table mindroom.accounts (
	id uuid primary key,
	email text not null check (email = btrim(email) and position('@' in email) > 1 and length(email) <= 320),
	name text not null default '' check (length(name) <= 200),
	status text not null default 'active' check (status in ('active', 'suspended', 'deleted')),
	status_reason text,
	is_admin boolean not null default false,
	-- built-in identity only (null when Supabase Auth owns the credentials)
	password_hash text,
	email_verified_at timestamptz,
	-- admin second factor: the TOTP secret is AES-GCM ciphertext, never the secret itself
	admin_totp_secret_enc bytea,
	admin_totp_enrolled_at timestamptz,
	stripe_customer_id text unique,
	consent_terms_at timestamptz,
	consent_marketing boolean not null default false,
	consent_product_updates boolean not null default false,
	deletion_requested_at timestamptz,
	deletion_scheduled_for timestamptz,
	deleted_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	check ((deletion_requested_at is null) = (deletion_scheduled_for is null)),
	check (status <> 'deleted' or deleted_at is not null)
);

create unique index accounts_email_key on mindroom.accounts (lower(email));
create index accounts_created_at_idx on mindroom.accounts (created_at);
create index accounts_deletion_due_idx on mindroom.accounts (deletion_scheduled_for)
	where deletion_scheduled_for is not null and status <> 'deleted';

create trigger accounts_touch before update on mindroom.accounts
	for each row execute function mindroom.touch_updated_at();

-- Hashed one-time recovery codes for the admin second factor.
create table mindroom.admin_recovery_codes (
	account_id uuid not null references mindroom.accounts (id) on delete cascade,
	code_hash text not null,
	used_at timestamptz,
	created_at timestamptz not null default now(),
	primary key (account_id, code_hash)
);

-- Single-use tokens sent by email (password reset, email verification, admin TOTP enrolment).
-- Only a hash of the token is stored.
create table mindroom.account_tokens (
	token_hash text primary key,
	account_id uuid not null references mindroom.accounts (id) on delete cascade,
	purpose text not null check (purpose in ('password_reset', 'email_verification', 'admin_enrolment', 'refresh')),
	expires_at timestamptz not null,
	used_at timestamptz,
	created_at timestamptz not null default now()
);

create index account_tokens_account_idx on mindroom.account_tokens (account_id, purpose);

-- Sign-in throttling and lockout, kept in the database so it holds across replicas.
-- The key is a hash of what is throttled (an email or a client address), never the value itself.
create table mindroom.login_throttle (
	throttle_key text primary key,
	failures integer not null default 0 check (failures >= 0),
	window_started_at timestamptz not null default now(),
	locked_until timestamptz,
	updated_at timestamptz not null default now()
);

-- Sales enquiries from the Enterprise plan's contact form.
create table mindroom.contact_requests (
	id uuid primary key default gen_random_uuid(),
	account_id uuid references mindroom.accounts (id) on delete set null,
	email text not null,
	company text not null default '',
	message text not null check (length(message) <= 5000),
	created_at timestamptz not null default now()
);

-- Looks up sign-in credentials by email before a caller is known, without opening the accounts
-- table to the portal role (Row Level Security stays on).
create function mindroom.find_sign_in(p_email text)
	returns table (id uuid, email text, password_hash text, status text, is_admin boolean, email_verified boolean,
		admin_totp_enrolled boolean)
	language sql stable security definer
	set search_path = mindroom, pg_temp
as $$
	select a.id, a.email, a.password_hash, a.status, a.is_admin, a.email_verified_at is not null,
		a.admin_totp_enrolled_at is not null
	from mindroom.accounts a
	where lower(a.email) = lower(btrim(p_email))
$$;

revoke execute on function mindroom.find_sign_in(text) from public;
grant execute on function mindroom.find_sign_in(text) to mindroom_portal, mindroom_service;
