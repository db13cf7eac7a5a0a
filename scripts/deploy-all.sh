#!/usr/bin/env bash
# Takes MindRoom Cloud from nothing to https://app.<PLATFORM_DOMAIN> on Hetzner Cloud, and is safe to run
# again: every step is idempotent. Reads .env (see .env.example), checks every setting and tool the chosen
# steps need before doing anything, then runs the steps in order:
#   infra       terraform apply (network, firewall, k3s nodes, load balancer, DNS)
#   kubeconfig  fetch the kubeconfig from the first control-plane node and wait for the nodes
#   addons      Hetzner CCM and CSI, metrics-server, cert-manager (+ ClusterIssuer), ingress-nginx
#   migrations  Flyway migrations against SUPABASE_DB_URL (scripts/run-migrations.sh)
#   images      build the five service images with Jib and push them, tagged with the git revision
#   platform    Secrets, then helm upgrade --install of infrastructure/helm/platform
#   stripe      Stripe products, prices (by lookup key) and webhook endpoint; signing secret to the cluster
#   smoke       the public URLs answer through the gateway
set -euo pipefail
shopt -s inherit_errexit
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=lib/common.sh
. "$ROOT/scripts/lib/common.sh"
# shellcheck source=lib/settings.sh
. "$ROOT/scripts/lib/settings.sh"
# shellcheck source=lib/infra.sh
. "$ROOT/scripts/lib/infra.sh"
# shellcheck source=lib/cluster.sh
. "$ROOT/scripts/lib/cluster.sh"
# shellcheck source=lib/images.sh
. "$ROOT/scripts/lib/images.sh"
# shellcheck source=lib/platform.sh
. "$ROOT/scripts/lib/platform.sh"
# shellcheck source=lib/stripe.sh
. "$ROOT/scripts/lib/stripe.sh"

STEPS=(infra kubeconfig addons migrations images platform stripe smoke)

usage() {
  cat <<EOF
Usage: scripts/deploy-all.sh [--from STEP] [--dry-run] [--env-file FILE]

  --from STEP      start at STEP and run the ones after it (resume after a failure)
  --dry-run        print every command without running any
  --env-file FILE  read the settings from FILE instead of .env

Steps, in order: ${STEPS[*]}
EOF
}

check_migrations() {
  need SUPABASE_DB_URL "PostgreSQL URL of the platform database (Supabase: Project Settings > Database)"
  need_tool java "a JDK 17 runs Flyway through Maven"
}

step_migrations() {
  local args=()
  if [ "$DRY_RUN" = true ]; then args=(--dry-run); fi
  "$ROOT/scripts/run-migrations.sh" "${args[@]}"
}

main() {
  local from=${STEPS[0]} env_file=${ENV_FILE:-$ROOT/.env}
  while [ $# -gt 0 ]; do
    case "$1" in
      --from) from=${2:?--from needs a step}; shift 2 ;;
      --dry-run) DRY_RUN=true; shift ;;
      --env-file) env_file=${2:?--env-file needs a file}; shift 2 ;;
      -h | --help) usage; exit 0 ;;
      *) usage >&2; die "unknown argument: $1" ;;
    esac
  done
  local start=-1 i
  for i in "${!STEPS[@]}"; do
    if [ "${STEPS[$i]}" = "$from" ]; then start=$i; fi
  done
  [ "$start" -ge 0 ] || die "unknown step '$from'; steps are: ${STEPS[*]}"
  local selected=("${STEPS[@]:$start}")

  load_env_file "$env_file"
  export DRY_RUN
  resolve_settings
  check_settings
  local step
  for step in "${selected[@]}"; do "check_$step"; done
  report_missing
  if [[ " ${selected[*]} " == *" images "* ]] || [[ " ${selected[*]} " == *" platform "* ]]; then
    resolve_image_tag
  fi

  local mode=""
  if [ "$DRY_RUN" = true ]; then mode=" (dry run: nothing is changed)"; fi
  say "Deploying MindRoom Cloud ($ENVIRONMENT) to $PLATFORM_DOMAIN$mode"
  local n=$start
  for step in "${selected[@]}"; do
    n=$((n + 1))
    say ""
    say "==> [$n/${#STEPS[@]}] $step"
    "step_$step"
  done
  say ""
  if [ "$DRY_RUN" = true ]; then
    say "Dry run complete: the commands above are what a deployment runs."
  else
    say "MindRoom Cloud is deployed: https://app.$PLATFORM_DOMAIN"
  fi
}

main "$@"
