-- The simulator's own state, in its own schema (never the platform's): every Stripe object as a JSONB
-- document, idempotency records, the webhook delivery queue and the clock and delivery options.

create table objects (
	id text primary key,
	type text not null,
	seq bigint generated always as identity unique,
	customer text,
	subscription text,
	event_type text,
	created bigint not null,
	-- subscriptions: when the billing engine next has work for it (epoch seconds of simulated time)
	due_at bigint,
	doc jsonb not null,
	-- simulator-internal state never served through the API (card behaviour, pending prorations...)
	sim jsonb not null default '{}'
);

create index objects_type_seq on objects (type, seq desc);
create index objects_customer on objects (customer, type, seq desc);
create index objects_subscription on objects (subscription, type, seq desc);
create index objects_event_type on objects (event_type, created);
create index objects_due on objects (due_at) where due_at is not null;

create table idempotency_keys (
	api_key_hash text not null,
	idempotency_key text not null,
	request_hash text not null,
	status int,
	body text,
	created_at timestamptz not null default now(),
	primary key (api_key_hash, idempotency_key)
);

create table deliveries (
	id bigint generated always as identity primary key,
	event_id text not null references objects (id) on delete cascade,
	status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
	attempts int not null default 0,
	next_attempt_at timestamptz not null default now(),
	last_status int,
	last_error text,
	delivered_at timestamptz,
	created_at timestamptz not null default now()
);

create index deliveries_pending on deliveries (id) where status = 'pending';

create table state (
	id boolean primary key default true check (id),
	clock_offset_seconds bigint not null default 0 check (clock_offset_seconds >= 0),
	deliver_twice boolean not null default false,
	out_of_order boolean not null default false
);

insert into state default values;
