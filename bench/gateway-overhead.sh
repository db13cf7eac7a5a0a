#!/usr/bin/env bash
# Gateway overhead: the same downstream endpoint called directly and through the gateway, in one run, with the
# same load generator (wrk) at concurrency 1, 16 and 64. Prints requests/s and p50/p99 latency for both, and
# their ratio; and, as a reference, a bare Reactor Netty proxy (bench/gateway-downstream/ReferenceProxy.java) on
# the gateway's own Netty jars: the cost of the extra hop alone on this machine. Rate limiting runs on every
# request (in memory; set MINDROOM_REDIS_URL to measure Redis), with limits raised so nothing is refused; the
# access log is written as in production.
# Needs the gateway jar: ./mvnw -B -q -DskipTests install -pl gateway -am
# Usage: [WARMUP=60] bench/gateway-overhead.sh [seconds per measurement, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
direct_port=18181
gateway_port=18180
management_port=18182
reference_port=18183
logs=$(mktemp -d)

if ! command -v wrk >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
jar=$(ls gateway/target/gateway-*.jar 2>/dev/null | grep -v plain | head -n1 || true)
[ -n "$jar" ] || { echo "Build the gateway first: ./mvnw -B -q -DskipTests install -pl gateway -am"; exit 1; }

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

java -Xmx256m -Dsun.net.httpserver.nodelay=true bench/gateway-downstream/Downstream.java "$direct_port" > "$logs/downstream.log" 2>&1 &
pids+=($!)
# the reference proxy runs on the gateway's own Reactor Netty jars
unzip -q -j -o "$jar" 'BOOT-INF/lib/reactor-*.jar' 'BOOT-INF/lib/netty-*.jar' 'BOOT-INF/lib/reactive-streams-*.jar' \
  -d "$logs/lib"
java -Xmx256m -cp "$logs/lib/*" bench/gateway-downstream/ReferenceProxy.java "$reference_port" "$direct_port" \
  > "$logs/reference.log" 2>&1 &
pids+=($!)
MINDROOM_JWT_SECRET=bench-secret-bench-secret-bench-secret-00 SERVER_PORT=$gateway_port \
  MANAGEMENT_SERVER_PORT=$management_port \
  MINDROOM_PORTAL_URL=http://127.0.0.1:$direct_port MINDROOM_ADMIN_URL=http://127.0.0.1:$direct_port \
  MINDROOM_STRIPE_HANDLER_URL=http://127.0.0.1:$direct_port \
  MINDROOM_GATEWAY_RATE_LIMITS_ANONYMOUS_REPLENISH_RATE=1000000 \
  MINDROOM_GATEWAY_RATE_LIMITS_ANONYMOUS_BURST_CAPACITY=1000000 \
  java -Xmx512m -jar "$jar" > "$logs/gateway.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$management_port/actuator/health/readiness" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$gateway_port/app/bench" >/dev/null || { echo "gateway not ready, see $logs"; exit 1; }
# Warm-up: load through the gateway, then wait until its JIT compiler has gone quiet (on 2 cores C2 keeps
# compiling for minutes after start; measuring before that measures the compiler, not the gateway).
wrk -t2 -c16 -d"${WARMUP:-60}s" "http://127.0.0.1:$gateway_port/app/bench" >/dev/null
gateway_pid=${pids[2]}
reference_pid=${pids[1]}
cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
for _ in $(seq 1 60); do
  before=$(cpu_ticks "$gateway_pid"); sleep 5
  [ $(( $(cpu_ticks "$gateway_pid") - before )) -lt 25 ] && break   # under 5% of a core while idle
  wrk -t2 -c16 -d5s "http://127.0.0.1:$gateway_port/app/bench" >/dev/null
done
wrk -t2 -c16 -d20s "http://127.0.0.1:$reference_port/app/bench" >/dev/null

# wrk prints latency percentiles as e.g. "50%  512.00us" or "99%    3.20ms": convert to milliseconds
to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; printf "%.3f", v}'; }

measure() { # url connections pid -> "rps p50 p99 cpu-ms-per-request-of-pid"
  local url=$1 connections=$2 pid=$3 threads=$(( $2 < 2 ? 1 : 2 ))
  wrk -t"$threads" -c"$connections" -d5s "$url" >/dev/null                 # warm-up (JIT, connections)
  local out before
  before=$(cpu_ticks "$pid")
  out=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency "$url")
  local rps p50 p99 requests
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out" | to_ms)
  p99=$(awk '$1=="99%" {print $2}' <<<"$out" | to_ms)
  # CPU the process spent per request (clock ticks are 10 ms)
  echo "$rps $p50 $p99 $(echo "($(cpu_ticks "$pid") - $before) * 10 / $requests" | bc -l)"
}

printf '| concurrency | direct req/s | gateway req/s | throughput ratio | direct p50 ms | gateway p50 ms | p50 added ms | direct p99 ms | gateway p99 ms | gateway CPU ms/request | reference proxy req/s | reference ratio | reference p50 added ms | reference CPU ms/request |\n'
printf '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n'
for c in 1 16 64; do
  read -r d_rps d_p50 d_p99 _ <<<"$(measure "http://127.0.0.1:$direct_port/app/bench" "$c" "${pids[0]}")"
  read -r g_rps g_p50 g_p99 g_cpu <<<"$(measure "http://127.0.0.1:$gateway_port/app/bench" "$c" "$gateway_pid")"
  read -r r_rps r_p50 _ r_cpu <<<"$(measure "http://127.0.0.1:$reference_port/app/bench" "$c" "$reference_pid")"
  printf '| %s | %.0f | %.0f | %.2f | %.3f | %.3f | %.3f | %.3f | %.3f | %.2f | %.0f | %.2f | %.3f | %.2f |\n' "$c" \
    "$d_rps" "$g_rps" "$(echo "$g_rps / $d_rps" | bc -l)" "$d_p50" "$g_p50" "$(echo "$g_p50 - $d_p50" | bc -l)" \
    "$d_p99" "$g_p99" "$g_cpu" "$r_rps" "$(echo "$r_rps / $d_rps" | bc -l)" "$(echo "$r_p50 - $d_p50" | bc -l)" "$r_cpu"
done
echo
echo "Load average at the end (2 cores; the benchmark's own threads count too): $(cut -d' ' -f1-3 /proc/loadavg)"
refused=$(grep -c ' 429 ' "$logs/gateway.log" || true)
echo
echo "Requests refused by the rate limiter during the run: $refused (logs: $logs)"
