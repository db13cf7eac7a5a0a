#!/usr/bin/env bash
# Start-up time and idle memory of each service, each started alone against a fresh database, next to the
# start-up of a bare JVM measured in the same run (the baseline). Needs the jars: ./mvnw -DskipTests install.
# Usage: bench/service-startup.sh [runs]   (prints a Markdown table)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k)
services=(gateway customer-portal admin-dashboard stripe-handler instance-provisioner)

now_ms() { date +%s%3N; }

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

baseline=$(for _ in $(seq "$runs"); do s=$(now_ms); java "${flags[@]}" -version >/dev/null 2>&1; echo $(( $(now_ms) - s )); done | median)

printf '| service | start to live (ms, median of %s) | x bare JVM (%s ms) | idle RSS (MiB) |\n' "$runs" "$baseline"
printf '|---|---|---|---|\n'
for service in "${services[@]}"; do
  jar=
  for candidate in "$service"/target/"$service"-*.jar; do
    case $candidate in *-plain.jar) ;; *) jar=$candidate ;; esac
  done
  times=()
  rss=0
  for run in $(seq "$runs"); do
    db="bench_startup_${run}_$$"
    createdb -h 127.0.0.1 -U postgres "$db"
    start=$(now_ms)
    MINDROOM_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" MINDROOM_JWT_SECRET=bench-secret-bench-secret-bench-secret-00 \
      SERVER_PORT=18999 MANAGEMENT_SERVER_PORT=18999 java "${flags[@]}" -jar "$jar" >/dev/null 2>&1 &
    pid=$!
    # liveness: started and serving (the gateway's readiness also needs the portal, which is not running here)
    until curl -fs http://127.0.0.1:18999/actuator/health/liveness >/dev/null 2>&1; do
      kill -0 "$pid" 2>/dev/null || { echo "$service stopped before it was live" >&2; exit 1; }
      sleep 0.05
    done
    times+=($(( $(now_ms) - start )))
    sleep 10
    rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")
    kill "$pid"; wait "$pid" 2>/dev/null || true
    dropdb -h 127.0.0.1 -U postgres --force "$db"
  done
  t=$(printf '%s\n' "${times[@]}" | median)
  printf '| %s | %s | %.1f | %s |\n' "$service" "$t" "$(echo "$t / $baseline" | bc -l)" "$rss"
done
