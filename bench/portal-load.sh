#!/usr/bin/env bash
# Customer portal under 50 concurrent signed-in users: the dashboard page and GET /api/v1/instance next to the
# portal's own /actuator/health (the baseline), all in the same run. Starts the portal jar alone against a fresh
# database on this machine, signs the users up (each gets a session, the Free plan's instance and an API token),
# measures, stops the portal and drops the database.
# Needs the jar: ./mvnw -B -q -DskipTests install -pl db,platform-common,customer-portal
# Usage: bench/portal-load.sh [users] [seconds] [warmup seconds]     (prints a Markdown table)
set -euo pipefail
cd "$(dirname "$0")/.."
users=${1:-50}
seconds=${2:-20}
warmup=${3:-15}
port=18981
db="bench_portal_$$"
jar=$(ls customer-portal/target/customer-portal-*.jar | grep -v original | head -n1)

createdb -h 127.0.0.1 -U postgres "$db"
MINDROOM_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" MINDROOM_DB_POOL_SIZE=20 \
  MINDROOM_JWT_SECRET=bench-secret-bench-secret-bench-secret-00 MINDROOM_EMAIL_CONFIRMATION=false \
  MINDROOM_COOKIE_SECURE=false SERVER_PORT=$port java -Xmx512m -jar "$jar" > "/tmp/portal-bench-$$.log" 2>&1 &
pid=$!
cleanup() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  dropdb -h 127.0.0.1 -U postgres --if-exists "$db"
}
trap cleanup EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { tail -n 30 "/tmp/portal-bench-$$.log"; exit 1; }
  sleep 0.5
done
printf 'portal started (log /tmp/portal-bench-%s.log); %s users, %s s per endpoint after %s s warm-up each\n' \
  "$$" "$users" "$seconds" "$warmup" >&2
java bench/portal-load/PortalLoad.java "http://127.0.0.1:$port" "$users" "$seconds" "$warmup"
