#!/usr/bin/env bash
# Removes everything deploy-all.sh created, in reverse order: the Stripe webhook endpoint, the tenant
# namespaces (their volumes), the platform release and namespace, the add-ons, then the infrastructure
# with terraform destroy, and the local deployment state. Asks for confirmation unless --yes is given.
# Stripe products and prices stay (Stripe does not delete prices; the next deployment reuses them), and
# so does the database: drop it in Supabase if you mean to.
#   scripts/cleanup-all.sh [--yes] [--dry-run] [--env-file FILE]
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
# shellcheck source=lib/platform.sh
. "$ROOT/scripts/lib/platform.sh"
# shellcheck source=lib/stripe.sh
. "$ROOT/scripts/lib/stripe.sh"

confirm() {
  say "This deletes the MindRoom Cloud deployment '$ENVIRONMENT' at $PLATFORM_DOMAIN: every tenant"
  say "instance and its data, the platform, the cluster and its servers, load balancer and DNS records."
  printf 'Type the domain (%s) to confirm: ' "$PLATFORM_DOMAIN"
  local answer=""
  read -r answer || true
  [ "$answer" = "$PLATFORM_DOMAIN" ] || die "not confirmed; nothing was changed"
}

main() {
  local yes=false env_file=${ENV_FILE:-$ROOT/.env}
  while [ $# -gt 0 ]; do
    case "$1" in
      --yes | -y) yes=true; shift ;;
      --dry-run) DRY_RUN=true; shift ;;
      --env-file) env_file=${2:?--env-file needs a file}; shift 2 ;;
      -h | --help) sed -n '2,8p' "$0"; exit 0 ;;
      *) die "unknown argument: $1" ;;
    esac
  done
  load_env_file "$env_file"
  export DRY_RUN
  resolve_settings
  check_settings
  need HCLOUD_TOKEN "Hetzner Cloud API token of the project to clean up"
  need PLATFORM_DOMAIN "the platform's base domain"
  need OPERATOR_CIDRS "the CIDRs the deployment was made with (Terraform checks its variables on destroy too)"
  need_tool terraform "Terraform destroys the infrastructure"
  need_tool kubectl "kubectl removes what runs in the cluster"
  need_tool helm "Helm uninstalls the releases"
  if [ -n "${STRIPE_SECRET_KEY:-}" ]; then
    need_tool curl "curl deletes the Stripe webhook endpoint"
    need_tool jq "jq reads the Stripe API's answers"
  fi
  report_missing
  if [ "$yes" != true ] && [ "$DRY_RUN" != true ]; then
    confirm
  fi

  say "==> [1/4] Stripe webhook endpoint"
  if [ -n "${STRIPE_SECRET_KEY:-}" ]; then
    remove_stripe_webhook
  else
    say "STRIPE_SECRET_KEY is not set: the Stripe webhook endpoint is left alone"
  fi
  say "==> [2/4] cluster contents"
  if [ "$DRY_RUN" = true ] || cluster_reachable; then
    remove_tenants
    remove_platform
    remove_addons
  else
    warn "the cluster does not answer at $KUBECONFIG_FILE: skipping its contents (terraform removes the servers)"
  fi
  say "==> [3/4] infrastructure"
  destroy_infra
  say "==> [4/4] local state"
  run rm -rf "$STATE_DIR"
  say "MindRoom Cloud ($ENVIRONMENT) is removed."
}

main "$@"
