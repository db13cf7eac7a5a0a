-- Billing state mirrored from Stripe (the stripe-handler is its only writer) and the webhook inbox.

create table mindroom.subscriptions (
	id uuid primary key default gen_random_uuid(),
	account_id uuid not null references mindroom.accounts (id) on delete cascade,
	-- null for platform-granted subscriptions (the Free plan, sales-assisted Enterprise) that have no Stripe object
	stripe_subscription_id text unique,
	stripe_customer_id text,
	status text not null check (status in ('incomplete', 'incomplete_expired', 'trialing', 'active', 'past_due',
		'canceled', 'unpaid', 'paused')),
	plan text not null check (plan ~ '^[a-z][a-z0-9_-]{0,31}$'),
	billing_interval text check (billing_interval in ('month', 'year')),
	stripe_price_id text,
	unit_amount bigint check (unit_amount >= 0),
	currency text check (currency ~ '^[a-z]{3}$'),
	quantity integer not null default 1 check (quantity > 0),
	trial_start timestamptz,
	trial_end timestamptz,
	current_period_start timestamptz,
	current_period_end timestamptz,
	cancel_at_period_end boolean not null default false,
	cancel_at timestamptz,
	canceled_at timestamptz,
	ended_at timestamptz,
	-- when the subscription last entered past_due; the dunning grace period runs from here
	past_due_since timestamptz,
	-- Stripe's time of the newest state applied here: an older snapshot never overwrites a newer one
	stripe_state_at timestamptz,
	stripe_state_event_id text,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	check ((unit_amount is null) = (currency is null)),
	check (status <> 'past_due' or past_due_since is not null)
);

create index subscriptions_account_idx on mindroom.subscriptions (account_id);
create index subscriptions_customer_idx on mindroom.subscriptions (stripe_customer_id);
create index subscriptions_status_idx on mindroom.subscriptions (status);

create trigger subscriptions_touch before update on mindroom.subscriptions
	for each row execute function mindroom.touch_updated_at();

create table mindroom.invoices (
	id uuid primary key default gen_random_uuid(),
	stripe_invoice_id text not null unique,
	account_id uuid not null references mindroom.accounts (id) on delete cascade,
	subscription_id uuid references mindroom.subscriptions (id) on delete set null,
	number text,
	status text not null check (status in ('draft', 'open', 'paid', 'uncollectible', 'void')),
	amount_due bigint not null default 0 check (amount_due >= 0),
	amount_paid bigint not null default 0 check (amount_paid >= 0),
	amount_remaining bigint not null default 0 check (amount_remaining >= 0),
	currency text not null check (currency ~ '^[a-z]{3}$'),
	billing_reason text,
	hosted_invoice_url text,
	invoice_pdf_url text,
	period_start timestamptz,
	period_end timestamptz,
	attempt_count integer not null default 0,
	next_payment_attempt timestamptz,
	paid_at timestamptz,
	stripe_created_at timestamptz not null,
	stripe_state_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create index invoices_account_idx on mindroom.invoices (account_id, stripe_created_at desc);

create trigger invoices_touch before update on mindroom.invoices
	for each row execute function mindroom.touch_updated_at();

-- The webhook inbox: every Stripe event stored once, keyed by Stripe's id, then applied.
create table mindroom.stripe_events (
	id text primary key check (id ~ '^evt_'),
	type text not null,
	api_version text,
	livemode boolean not null default false,
	stripe_created_at timestamptz not null,
	-- the id of the object the event is about (sub_..., in_..., cs_..., cus_...)
	object_id text,
	payload jsonb not null,
	source text not null default 'webhook' check (source in ('webhook', 'backfill', 'resync')),
	status text not null default 'received' check (status in ('received', 'processed', 'ignored', 'failed')),
	attempts integer not null default 0 check (attempts >= 0),
	last_error text,
	next_attempt_at timestamptz,
	received_at timestamptz not null default now(),
	processed_at timestamptz
);

create index stripe_events_created_idx on mindroom.stripe_events (stripe_created_at desc);
create index stripe_events_retry_idx on mindroom.stripe_events (next_attempt_at)
	where status in ('received', 'failed');
create index stripe_events_type_idx on mindroom.stripe_events (type, received_at desc);
create index stripe_events_object_idx on mindroom.stripe_events (object_id);
