#!/usr/bin/env bash
# Webhook ingest benchmark: N signed Stripe events (customer.subscription.updated, each verified, stored and
# applied) from C concurrent senders against a running stripe-handler, next to plain single-row JDBC
# insert-and-commit of the same payloads into the same database (the baseline), measured in the same run.
# Needs the stripe-handler jar: ./mvnw -B -q -DskipTests install -pl db,platform-common,stripe-handler
# Usage: bench/webhook-ingest.sh [events=20000] [senders=32] [accounts=200]   (prints a Markdown table)
# Environment: BENCH_JAVA_FLAGS (the handler's JVM flags; default the local-run flags), BENCH_POOL_SIZE (the
# handler's connection pool; default one connection per sender, as the baseline has), BENCH_PORT (18083).
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-20000}
senders=${2:-32}
accounts=${3:-200}
port=${BENCH_PORT:-18083}
db="bench_webhook_$$"
secret="whsec_bench_$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
flags=(${BENCH_JAVA_FLAGS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k})

jar=$(ls stripe-handler/target/stripe-handler-*.jar 2>/dev/null | grep -v plain | head -n1 || true)
[ -n "$jar" ] || { echo "Build the stripe-handler jar first (see the header of this script)" >&2; exit 1; }
work=$(mktemp -d)
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  dropdb -h 127.0.0.1 -U postgres --if-exists --force "$db" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
unzip -q -j -o "$jar" 'BOOT-INF/lib/postgresql-*.jar' -d "$work"
driver=$(ls "$work"/postgresql-*.jar)

createdb -h 127.0.0.1 -U postgres "$db"
MINDROOM_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" MINDROOM_DB_POOL_SIZE=${BENCH_POOL_SIZE:-$senders} \
  STRIPE_WEBHOOK_SECRET="$secret" SERVER_PORT=$port \
  java "${flags[@]}" -jar "$jar" > "$work/handler.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { tail -n 30 "$work/handler.log" >&2; exit 1; }
  sleep 0.5
done
curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null

# Accounts linked to Stripe customers, as completed checkouts leave them.
psql -q -h 127.0.0.1 -U postgres -d "$db" -c "insert into mindroom.accounts (id, email, name, stripe_customer_id)
  select gen_random_uuid(), 'bench' || i || '@example.com', 'Bench ' || i, 'cus_bench_' || i
  from generate_series(0, $accounts - 1) as i"

java -cp "$driver" bench/webhook-ingest/WebhookIngestBench.java "http://127.0.0.1:$port/webhooks/stripe" \
  "jdbc:postgresql://127.0.0.1:5432/$db?user=postgres" "$secret" "$events" "$senders" "$accounts"
grep -c "could not be applied" "$work/handler.log" | sed 's/^/events that failed to apply: /' >&2 || true
