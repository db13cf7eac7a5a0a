#!/usr/bin/env bash
# Test double for terraform, kubectl, helm, curl, ssh and the Maven wrapper (installed under those names
# first on PATH): records every call as one line in $STUB_LOG, and keeps just enough state in $STUB_STATE
# (applied objects, a fake Stripe account) to answer the scripts' questions like the real tools.
set -euo pipefail
tool=$(basename "$0")
state=${STUB_STATE:?}
mkdir -p "$state/objects" "$state/stripe/products"
{
  printf '%s' "$tool"
  printf ' %s' "$@"
  printf '\n'
} >>"${STUB_LOG:?}"

terraform_stub() {
  env | grep '^TF_VAR_' | cut -d= -f1 | sort >"$state/terraform-vars"
  printf '%s\n' "${TF_VAR_operator_cidrs:-}" >"$state/terraform-operator-cidrs"
  local arg
  for arg in "$@"; do
    case "$arg" in
      first_control_plane_ipv4) echo 203.0.113.10 ;;
      kubernetes_api_url) echo https://203.0.113.10:6443 ;;
      network_id) echo 4711 ;;
      ingress_load_balancer_name) echo mindroom-test-ingress ;;
      location) echo fsn1 ;;
    esac
  done
}

ssh_stub() {
  printf 'apiVersion: v1\nclusters:\n- cluster:\n    server: https://127.0.0.1:6443\n  name: default\n'
}

object_file() {
  local manifest=$1 kind name namespace
  if [[ $manifest == \{* ]]; then
    kind=$(jq -r .kind <<<"$manifest")
    name=$(jq -r .metadata.name <<<"$manifest")
    namespace=$(jq -r '.metadata.namespace // "-"' <<<"$manifest")
  else
    kind=$(sed -n 's/^kind: //p' <<<"$manifest" | head -n1)
    name=$(sed -n 's/^  name: //p' <<<"$manifest" | head -n1)
    namespace=$(sed -n 's/^  namespace: //p' <<<"$manifest" | head -n1)
  fi
  printf '%s/objects/%s.%s.%s' "$state" "$kind" "${namespace:--}" "$name"
}

kubectl_stub() {
  local args=" $* " manifest file namespace="" name key
  if [[ $args == *" apply -f - "* ]]; then
    manifest=$(cat)
    file=$(object_file "$manifest")
    if [ ! -f "$file" ]; then
      echo "$(basename "$file") created" | tee -a "$STUB_LOG"
    elif [ "$(cat "$file")" = "$manifest" ]; then
      echo "$(basename "$file") unchanged" | tee -a "$STUB_LOG"
    else
      echo "$(basename "$file") configured" | tee -a "$STUB_LOG"
    fi
    printf '%s' "$manifest" >"$file"
    return 0
  fi
  if [ "${1:-}" = -n ]; then namespace=$2; fi
  if [[ $args == *" get secret "* ]]; then
    name=$(sed -E 's/.* get secret ([^ ]+) .*/\1/' <<<"$args")
    key=$(sed -E 's/.*jsonpath=\{\.data\.([^}]+)\}.*/\1/' <<<"$args")
    file=$state/objects/Secret.$namespace.$name
    if [ -f "$file" ]; then sed -n "s/^  $key: //p" "$file"; fi
  elif [[ $args == *" get configmap "* ]]; then
    name=$(sed -E 's/.* get configmap ([^ ]+) .*/\1/' <<<"$args")
    file=$state/objects/ConfigMap.$namespace.$name
    if [ -f "$file" ]; then cat "$file"; fi
  elif [[ $args == *" get namespaces "* ]]; then
    # shellcheck disable=SC2086 # one namespace per word
    printf '%s\n' default kube-system mindroom ${STUB_TENANTS:-}
  fi
}

# A fake Stripe account kept as JSON files: products by id, prices and webhook endpoints as lists.
curl_stub() {
  local method=GET url="" data=() format=""
  while [ $# -gt 0 ]; do
    case "$1" in
      -X) method=$2; shift 2 ;;
      -w) format=$2; shift 2 ;;
      --data-urlencode | -d) data+=("$2"); shift 2 ;;
      -K) shift 2 ;;
      http*) url=$1; shift ;;
      *) shift ;;
    esac
  done
  if [[ $url == */robots.txt || $url == */api/v1/openapi ]]; then
    echo 'User-agent: *'
    return 0
  fi
  local config
  config=$(cat)
  if [[ $config != *"Authorization: Bearer "* ]]; then
    stripe_answer 401 '{"error":{"message":"no key"}}' "$format"
    return 0
  fi
  local path=${url#*/v1/} params
  params=$(printf '%s\n' "${data[@]}" | jq -Rn '[inputs | capture("^(?<k>[^=]*)=(?<v>.*)$")]')
  local prices=$state/stripe/prices.json endpoints=$state/stripe/endpoints.json
  [ -f "$prices" ] || echo '[]' >"$prices"
  [ -f "$endpoints" ] || echo '[]' >"$endpoints"
  # shellcheck disable=SC2016 # a jq program, not shell
  local param='def p($k): [.[] | select(.k == $k) | .v][0];'
  case "$method $path" in
    "GET products/"*)
      if [ -f "$state/stripe/products/${path#products/}" ]; then
        stripe_answer 200 "$(cat "$state/stripe/products/${path#products/}")" "$format"
      else
        stripe_answer 404 '{"error":{"message":"No such product"}}' "$format"
      fi
      ;;
    "POST products")
      jq -c "$param"'{id: p("id"), name: p("name")}' <<<"$params" >"$state/stripe/products/$(jq -r "$param"'p("id")' <<<"$params")"
      stripe_answer 200 '{}' "$format"
      ;;
    "GET prices")
      stripe_answer 200 "$(jq -c --argjson q "$params" "$param"'{data: [.[] | select(.lookup_key == ($q | p("lookup_keys[]")) and .active)]}' "$prices")" "$format"
      ;;
    "POST prices")
      local id
      id=price_$(($(jq length "$prices") + 1))
      jq -c --argjson q "$params" --arg id "$id" "$param"'map(if .lookup_key == ($q | p("lookup_key")) then .lookup_key = null else . end)
        + [{id: $id, active: true, lookup_key: ($q | p("lookup_key")), currency: ($q | p("currency")),
            unit_amount: ($q | p("unit_amount") | tonumber), recurring: {interval: ($q | p("recurring[interval]"))}}]' \
        "$prices" >"$prices.new" && mv "$prices.new" "$prices"
      stripe_answer 200 "{\"id\":\"$id\"}" "$format"
      ;;
    "GET webhook_endpoints")
      stripe_answer 200 "$(jq -c '{data: .}' "$endpoints")" "$format"
      ;;
    "POST webhook_endpoints")
      local id
      id=we_$(($(jq length "$endpoints") + 1))$RANDOM
      jq -c --argjson q "$params" --arg id "$id" "$param"'. + [{id: $id, url: ($q | p("url")),
        enabled_events: [$q[] | select(.k == "enabled_events[]") | .v]}]' "$endpoints" >"$endpoints.new"
      mv "$endpoints.new" "$endpoints"
      stripe_answer 200 "{\"id\":\"$id\",\"secret\":\"whsec_stub_$id\"}" "$format"
      ;;
    "POST webhook_endpoints/"*)
      jq -c --argjson q "$params" --arg id "${path#webhook_endpoints/}" 'map(if .id == $id
        then .enabled_events = [$q[] | select(.k == "enabled_events[]") | .v] else . end)' "$endpoints" >"$endpoints.new"
      mv "$endpoints.new" "$endpoints"
      stripe_answer 200 '{}' "$format"
      ;;
    "DELETE webhook_endpoints/"*)
      jq -c --arg id "${path#webhook_endpoints/}" 'map(select(.id != $id))' "$endpoints" >"$endpoints.new"
      mv "$endpoints.new" "$endpoints"
      stripe_answer 200 '{"deleted":true}' "$format"
      ;;
    *) stripe_answer 404 '{"error":{"message":"unknown path"}}' "$format" ;;
  esac
}

stripe_answer() {
  printf '%s' "$2"
  if [ -n "$3" ]; then printf '\n%s' "$1"; fi
}

mvnw_stub() {
  env | grep '^FLYWAY_' | sort >"$state/flyway-env" || true
}

case "$tool" in
  terraform) terraform_stub "$@" ;;
  ssh) ssh_stub ;;
  kubectl) kubectl_stub "$@" ;;
  curl) curl_stub "$@" ;;
  mvnw) mvnw_stub ;;
  helm) ;;
  *) echo "stub: unknown tool $tool" >&2; exit 1 ;;
esac
