#!/usr/bin/env bash
# Runs the whole platform locally on the embedded defaults (DESIGN.md section 6): builds what is missing, makes
# sure PostgreSQL answers (the local server, or an embedded one from a Maven artifact), starts the local Stripe
# simulator and the five services (the provisioner brings the simulated Kubernetes API), waits until every one
# is healthy, creates the first admin on the first run, and stops everything it started on Ctrl-C. Data stays in
# the database between runs.
#
# Real settings in the environment replace the embedded parts: MINDROOM_DB_URL (+ _USER, _PASSWORD) a database,
# STRIPE_SECRET_KEY + STRIPE_WEBHOOK_SECRET the Stripe simulator, SUPABASE_URL the built-in accounts, KUBECONFIG
# the simulated cluster. MINDROOM_LOCAL_DIR (default .local) holds generated secrets, logs and the embedded
# database's files.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
state=${MINDROOM_LOCAL_DIR:-$root/.local}
logs="$state/logs"
mkdir -p "$logs"

say() { printf '%s\n' "$*"; }
fail() { say "run-local: $*" >&2; exit 1; }

command -v java >/dev/null || fail "Java 17 is needed (java not found)."
command -v curl >/dev/null || fail "curl is needed."

random() { head -c "$1" /dev/urandom | base64 | tr -d '\n/+='; }

# Secrets the embedded parts need, generated once per state directory (never committed: .local/ is ignored).
if [ ! -f "$state/secrets.env" ]; then
  (
    umask 077
    {
      printf 'MINDROOM_JWT_SECRET=%s\n' "$(random 48)"
      printf 'MINDROOM_ENCRYPTION_KEY=%s\n' "$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
      printf 'LOCAL_STRIPE_WEBHOOK_SECRET=whsec_%s\n' "$(random 32)"
    } > "$state/secrets.env"
  )
fi
set -a
# shellcheck disable=SC1091
. "$state/secrets.env"
set +a

# --- what runs embedded, what is real -------------------------------------------------------------------------
if [ -n "${STRIPE_SECRET_KEY:-}" ]; then
  simulate_stripe=false
  [ -n "${STRIPE_WEBHOOK_SECRET:-}" ] || fail "STRIPE_SECRET_KEY is set, so STRIPE_WEBHOOK_SECRET must be too."
else
  simulate_stripe=true
  export STRIPE_SECRET_KEY=sk_test_local_simulator
  export STRIPE_API_BASE=http://127.0.0.1:8086
  export STRIPE_WEBHOOK_SECRET=$LOCAL_STRIPE_WEBHOOK_SECRET
  export STRIPE_SIM_WEBHOOK_URL=http://127.0.0.1:8080/webhooks/stripe
  export MINDROOM_SIMULATED_CLOCK=true
  export MINDROOM_CSP_FORM_ACTION="'self' http://127.0.0.1:8086"
  # the simulator's clock jumps days at a time: apply grace and deletion deadlines seconds after, not a minute
  export MINDROOM_LIFECYCLE_INTERVAL=${MINDROOM_LIFECYCLE_INTERVAL:-5s}
fi
if [ -n "${KUBECONFIG:-}" ]; then
  export MINDROOM_KUBERNETES_MODE=${MINDROOM_KUBERNETES_MODE:-kubeconfig}
  export MINDROOM_CLUSTER_SIMULATED=false
else
  export MINDROOM_KUBERNETES_MODE=simulated
  export MINDROOM_CLUSTER_SIMULATED=true
fi
export MINDROOM_PUBLIC_URL=${MINDROOM_PUBLIC_URL:-http://localhost:8080}
export MINDROOM_COOKIE_SECURE=${MINDROOM_COOKIE_SECURE:-false}

# --- PostgreSQL -------------------------------------------------------------------------------------------------
export MINDROOM_DB_URL=${MINDROOM_DB_URL:-jdbc:postgresql://127.0.0.1:5432/mindroom}
export MINDROOM_DB_USER=${MINDROOM_DB_USER:-postgres}
export MINDROOM_DB_PASSWORD=${MINDROOM_DB_PASSWORD:-}
hostport=${MINDROOM_DB_URL#jdbc:postgresql://}
hostport=${hostport%%/*}
dbhost=${hostport%%:*}
dbport=5432
[ "$hostport" != "$dbhost" ] && dbport=${hostport##*:}
dbname=${MINDROOM_DB_URL##*/}
dbname=${dbname%%\?*}

pids=()
names=()
stop_all() {
  trap - EXIT INT TERM
  say ""
  say "Stopping..."
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[$i]}" 2>/dev/null || true; done
  # as Kubernetes does after a pod's grace period: whatever ignores SIGTERM for 30 s is killed
  local deadline=$((SECONDS + 30))
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    while kill -0 "${pids[$i]}" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.5; done
    if kill -0 "${pids[$i]}" 2>/dev/null; then
      say "  ${names[$i]} did not stop within 30 s; killing it"
      kill -KILL "${pids[$i]}" 2>/dev/null || true
    fi
  done
  wait 2>/dev/null || true
  say "Stopped."
}
trap stop_all EXIT INT TERM

postgres_answers() {
  if command -v pg_isready >/dev/null; then
    pg_isready -h "$dbhost" -p "$dbport" -q 2>/dev/null
  else
    (exec 3<>"/dev/tcp/$dbhost/$dbport") 2>/dev/null
  fi
}

# Build what is missing or older than its sources (before anything needs a jar). MINDROOM_LOCAL_BUILD=never
# refuses to build (the end-to-end test runs inside a build that has just packaged every jar).
jar_of() {
  local jar
  for jar in "$1"/target/"$1"-*.jar; do
    case $jar in *-plain.jar | *-sources.jar) ;; *) [ -f "$jar" ] && printf '%s\n' "$jar" && return ;; esac
  done
}
modules=(local-postgres stripe-simulator stripe-handler instance-provisioner customer-portal admin-dashboard gateway)
stale=()
for module in "${modules[@]}"; do
  jar=$(jar_of "$module")
  sources=("$module/src/main" db/migrations platform-common/src/main)
  # the provisioner's jar carries the instance chart
  [ "$module" = instance-provisioner ] && sources+=(infrastructure/helm/mindroom-instance)
  if [ -z "$jar" ] || [ -n "$(find "${sources[@]}" -newer "$jar" -type f 2>/dev/null | head -n1)" ]; then
    stale+=("$module")
  fi
done
if [ ${#stale[@]} -gt 0 ]; then
  [ "${MINDROOM_LOCAL_BUILD:-auto}" = never ] &&
    fail "missing or older than their sources: ${stale[*]} (MINDROOM_LOCAL_BUILD=never); build with ./mvnw -B -DskipTests package"
  say "Building the platform (first run takes a few minutes; log: $logs/build.log)..."
  ./mvnw -B -q -DskipTests install > "$logs/build.log" 2>&1 || { tail -n 40 "$logs/build.log"; fail "the build failed"; }
fi

java_opts=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -Xmx512m)

start() {
  local name=$1
  shift
  names+=("$name")
  "$@" > "$logs/$name.log" 2>&1 &
  pids+=($!)
}

# Ports this run needs must be free: otherwise the health checks below would see another run's services.
needed_ports=(8080 8180 8081 8082 8083 8084)
$simulate_stripe && needed_ports+=(8086)
[ "$MINDROOM_KUBERNETES_MODE" = simulated ] && needed_ports+=("${MINDROOM_SIMULATED_K8S_PORT:-8090}")
for port in "${needed_ports[@]}"; do
  if [ "$port" != 0 ] && (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    fail "port $port is already in use (is another run-local.sh running?); stop that first."
  fi
done

if ! postgres_answers; then
  if [ "$dbhost" = 127.0.0.1 ] || [ "$dbhost" = localhost ]; then
    if [ -d /etc/postgresql ] && command -v pg_ctlcluster >/dev/null; then
      say "Starting the local PostgreSQL server..."
      versions=(/etc/postgresql/*)
      pg_ctlcluster --skip-systemctl-redirect "${versions[0]##*/}" main start
    else
      say "No PostgreSQL server here: starting an embedded one (data in $state/pgdata)..."
      start postgres java "${java_opts[@]}" -jar "$(jar_of local-postgres)" "$dbport" "$state/pgdata" "$dbname"
    fi
    for _ in $(seq 1 60); do postgres_answers && break; sleep 1; done
  fi
fi
postgres_answers || fail "PostgreSQL does not answer at $dbhost:$dbport (MINDROOM_DB_URL)."
if command -v psql >/dev/null; then
  if ! PGPASSWORD=$MINDROOM_DB_PASSWORD psql -h "$dbhost" -p "$dbport" -U "$MINDROOM_DB_USER" -d postgres -tAc \
      "select 1 from pg_database where datname = '$dbname'" | grep -q 1; then
    PGPASSWORD=$MINDROOM_DB_PASSWORD psql -h "$dbhost" -p "$dbport" -U "$MINDROOM_DB_USER" -d postgres -qc \
      "create database \"$dbname\""
  fi
fi

# --- services -----------------------------------------------------------------------------------------------------
# indexed like pids and names (an embedded PostgreSQL may have been started before the services)
ports=() health_ports=()
launch() {
  local name=$1 port=$2 health_port=$2
  shift 2
  # the gateway answers /actuator/** only on its management port
  [ "$name" = gateway ] && health_port=8180
  ports[${#pids[@]}]=$port
  health_ports[${#pids[@]}]=$health_port
  start "$name" env SERVER_PORT="$port" "$@" java "${java_opts[@]}" -jar "$(jar_of "$name")"
}

wait_healthy() {
  local i=$1 path=$2
  for _ in $(seq 1 180); do
    if curl -fs "http://127.0.0.1:${health_ports[$i]}$path" >/dev/null 2>&1; then
      say "  ${names[$i]} is up on :${ports[$i]}"
      return 0
    fi
    kill -0 "${pids[$i]}" 2>/dev/null || { tail -n 30 "$logs/${names[$i]}.log"; fail "${names[$i]} stopped; see $logs/${names[$i]}.log"; }
    sleep 1
  done
  fail "${names[$i]} did not become healthy; see $logs/${names[$i]}.log"
}

first=${#pids[@]}
say "Starting the services (logs in $logs)..."
if $simulate_stripe; then
  launch stripe-simulator 8086
fi
# The stripe-handler migrates the database first; the others wait for it so migrations never race.
launch stripe-handler 8083
for ((i = first; i < ${#pids[@]}; i++)); do wait_healthy "$i" /actuator/health/readiness; done
next=${#pids[@]}
launch instance-provisioner 8084
launch customer-portal 8081 SPRING_PROFILES_ACTIVE=local
launch admin-dashboard 8082
launch gateway 8080 MANAGEMENT_SERVER_PORT=8180
for ((i = next; i < ${#pids[@]}; i++)); do wait_healthy "$i" /actuator/health/readiness; done

# --- the first admin, once ------------------------------------------------------------------------------------------
admin_email=${MINDROOM_LOCAL_ADMIN_EMAIL:-admin@mindroom.localhost}
admin_marker="$state/admin-created-$(printf '%s' "$MINDROOM_DB_URL" | sha256sum | cut -c1-12)"
if [ ! -f "$admin_marker" ]; then
  say ""
  say "Creating the first admin ($admin_email)..."
  if java "${java_opts[@]}" -jar "$(jar_of admin-dashboard)" create-admin --email="$admin_email" \
      --name="Local admin" > "$logs/create-admin.log" 2>&1; then
    touch "$admin_marker"
    admin_lines=$(grep -E '^(admin-email|admin-password|enrolment-link):' "$logs/create-admin.log" || true)
  else
    tail -n 20 "$logs/create-admin.log"
    say "Could not create the first admin; see $logs/create-admin.log"
  fi
  # the password is shown once and kept nowhere
  : > "$logs/create-admin.log"
fi

say ""
say "MindRoom Cloud is running at http://localhost:8080"
if [ -n "${admin_lines:-}" ]; then
  say ""
  say "First admin (shown once; sign in at http://localhost:8080/admin and enrol the second factor):"
  printf '%s\n' "$admin_lines" | sed 's/^/  /'
fi
say ""
if $simulate_stripe; then
  say "Stripe simulator:  http://127.0.0.1:8086/_sim (clock, test cards, webhook deliveries)"
fi
say "Local mailbox:     http://localhost:8080/app/mailbox (confirmation and reset links)"
if [ "$MINDROOM_KUBERNETES_MODE" = simulated ]; then
  say "Simulated cluster: http://127.0.0.1:8090 (Kubernetes API; kubectl --server=http://127.0.0.1:8090)"
fi
say "Logs:              $logs"
say "Press Ctrl-C to stop."
wait
