#!/usr/bin/env bash
# Applies the Flyway migrations in db/migrations to the platform database (SUPABASE_DB_URL, as the owner
# user in it), the same SQL the services and the chart's pre-upgrade Job apply. Flyway runs through its
# Maven plugin (configured in infrastructure/pom.xml), so a JDK is all it needs. Already-applied migrations
# are skipped, so running it again changes nothing.
#   scripts/run-migrations.sh [--info] [--dry-run] [--env-file FILE]
set -euo pipefail
shopt -s inherit_errexit
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=lib/common.sh
. "$ROOT/scripts/lib/common.sh"
# shellcheck source=lib/settings.sh
. "$ROOT/scripts/lib/settings.sh"

main() {
  local goal=migrate env_file=${ENV_FILE:-$ROOT/.env}
  while [ $# -gt 0 ]; do
    case "$1" in
      --info) goal=info; shift ;;
      --dry-run) DRY_RUN=true; shift ;;
      --env-file) env_file=${2:?--env-file needs a file}; shift 2 ;;
      -h | --help) sed -n '2,7p' "$0"; exit 0 ;;
      *) die "unknown argument: $1" ;;
    esac
  done
  if [ -z "${SUPABASE_DB_URL:-}" ] && [ -f "$env_file" ]; then
    load_env_file "$env_file"
  fi
  MAVEN=${MAVEN:-$ROOT/mvnw}
  need SUPABASE_DB_URL "PostgreSQL URL of the platform database (Supabase: Project Settings > Database)"
  report_missing
  parse_db_url
  # Flyway reads the connection from the environment: the password never reaches a command line.
  export FLYWAY_URL=$DB_JDBC_URL FLYWAY_USER=$DB_USER FLYWAY_PASSWORD=$DB_PASSWORD
  say "Flyway $goal on ${DB_JDBC_URL%%\?*} as $DB_USER"
  run "$MAVEN" -B -ntp -f "$ROOT/infrastructure/pom.xml" "flyway:$goal"
}

main "$@"
