#!/usr/bin/env bash
# Runs the whole platform locally on the embedded defaults (DESIGN.md section 6): builds what is missing,
# makes sure PostgreSQL answers, starts the five services, waits until each is healthy and stops them all on
# Ctrl-C. Data stays in the local database between runs. Real settings in the environment (MINDROOM_DB_URL,
# SUPABASE_URL, STRIPE_SECRET_KEY, KUBECONFIG, ...) are passed through to the services.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
state="$root/.local"
logs="$state/logs"
mkdir -p "$logs"

say() { printf '%s\n' "$*"; }

# Secrets generated once per checkout and kept out of git (.local/ is ignored).
if [ ! -f "$state/secrets.env" ]; then
  umask 077
  {
    printf 'MINDROOM_JWT_SECRET=%s\n' "$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=')"
    printf 'MINDROOM_ENCRYPTION_KEY=%s\n' "$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
  } > "$state/secrets.env"
fi
set -a
# shellcheck disable=SC1091
. "$state/secrets.env"
set +a

export MINDROOM_DB_URL=${MINDROOM_DB_URL:-jdbc:postgresql://127.0.0.1:5432/mindroom}
export MINDROOM_DB_USER=${MINDROOM_DB_USER:-postgres}
export MINDROOM_DB_PASSWORD=${MINDROOM_DB_PASSWORD:-}

# PostgreSQL: the local server when it answers (started if it is installed but down).
hostport=${MINDROOM_DB_URL#jdbc:postgresql://}
hostport=${hostport%%/*}
dbhost=${hostport%%:*}
dbport=${hostport##*:}
dbname=${MINDROOM_DB_URL##*/}
dbname=${dbname%%\?*}
if ! pg_isready -h "$dbhost" -p "$dbport" -q 2>/dev/null; then
  if [ -d /etc/postgresql ] && [ "$dbhost" = 127.0.0.1 ]; then
    say "Starting the local PostgreSQL..."
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start
    for _ in $(seq 1 30); do pg_isready -h "$dbhost" -p "$dbport" -q && break; sleep 1; done
  fi
fi
pg_isready -h "$dbhost" -p "$dbport" -q || { say "PostgreSQL does not answer at $dbhost:$dbport"; exit 1; }
if ! PGPASSWORD=$MINDROOM_DB_PASSWORD psql -h "$dbhost" -p "$dbport" -U "$MINDROOM_DB_USER" -d postgres -tAc \
    "select 1 from pg_database where datname = '$dbname'" | grep -q 1; then
  PGPASSWORD=$MINDROOM_DB_PASSWORD createdb -h "$dbhost" -p "$dbport" -U "$MINDROOM_DB_USER" "$dbname"
fi

services=(stripe-handler instance-provisioner customer-portal admin-dashboard gateway)
ports=(8083 8084 8081 8082 8080)

# Build what is missing (or older than the sources).
needs_build=false
for service in "${services[@]}"; do
  jar=$(ls "$service"/target/"$service"-*.jar 2>/dev/null | grep -v plain | head -n1 || true)
  if [ -z "$jar" ] || [ -n "$(find "$service/src" db platform-common/src -newer "$jar" -type f | head -n1)" ]; then
    needs_build=true
  fi
done
if $needs_build; then
  say "Building the services (logs: $logs/build.log)..."
  ./mvnw -B -q -DskipTests install > "$logs/build.log" 2>&1 || { tail -n 40 "$logs/build.log"; exit 1; }
fi

pids=()
stop_all() {
  say ""
  say "Stopping..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop_all EXIT INT TERM

for i in "${!services[@]}"; do
  service=${services[$i]}
  jar=$(ls "$service"/target/"$service"-*.jar | grep -v plain | head -n1)
  SERVER_PORT=${ports[$i]} java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -jar "$jar" \
    > "$logs/$service.log" 2>&1 &
  pids+=($!)
done

say "Waiting for the services to report healthy..."
for i in "${!services[@]}"; do
  for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:${ports[$i]}/actuator/health/readiness" >/dev/null 2>&1; then break; fi
    if ! kill -0 "${pids[$i]}" 2>/dev/null; then
      say "${services[$i]} stopped; see $logs/${services[$i]}.log"; tail -n 30 "$logs/${services[$i]}.log"; exit 1
    fi
    sleep 1
  done
  curl -fs "http://127.0.0.1:${ports[$i]}/actuator/health/readiness" >/dev/null \
    || { say "${services[$i]} did not become healthy; see $logs/${services[$i]}.log"; exit 1; }
  say "  ${services[$i]} is up on :${ports[$i]}"
done

say ""
say "MindRoom Cloud is running at http://localhost:8080"
say "Logs: $logs"
say "Press Ctrl-C to stop."
wait
