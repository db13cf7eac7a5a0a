# The Stripe step: makes sure the products, the prices (found by lookup key) and the webhook endpoint
# exist, idempotently, then stores the price ids in a ConfigMap and the endpoint's signing secret in a
# Secret that the services reference. The secret key reaches curl through stdin (-K -), never argv.
# shellcheck shell=bash

STRIPE_API=${STRIPE_API_BASE:-https://api.stripe.com}
STRIPE_API_VERSION=${STRIPE_API_VERSION:-2026-07-29.dahlia}
STRIPE_PRICES_CONFIGMAP=mindroom-stripe-prices
STRIPE_WEBHOOK_SECRET_NAME=mindroom-stripe-webhook
# Mirrors mindroom.plans in platform-common/src/main/resources/mindroom-common.yml (a test keeps them equal):
# plan, display name, interval, amount in minor units, currency.
STRIPE_PLAN_PRICES=(
  "starter Starter month 2900 usd"
  "starter Starter year 29000 usd"
  "professional Professional month 9900 usd"
  "professional Professional year 99000 usd"
)
STRIPE_DEFAULT_EVENTS=checkout.session.completed,customer.subscription.created,customer.subscription.updated,customer.subscription.deleted,customer.subscription.trial_will_end,customer.updated,customer.deleted,invoice.paid,invoice.payment_failed,invoice.finalized

check_stripe() {
  need STRIPE_SECRET_KEY "Stripe secret key (sk_live_... or sk_test_...)"
  need PLATFORM_DOMAIN "the platform's base domain (the webhook goes to https://api.<domain>/webhooks/stripe)"
  need_tool curl "curl talks to the Stripe API"
  need_tool jq "jq reads the Stripe API's answers"
  need_tool kubectl "kubectl stores the price ids and the signing secret in the cluster"
}

# stripe METHOD PATH [curl data arguments...]: prints the body, then the HTTP status on the last line.
stripe() {
  local method=$1 path=$2
  shift 2
  local get=()
  if [ "$method" = GET ]; then get=(-G); fi
  printf 'header = "Authorization: Bearer %s"\nheader = "Stripe-Version: %s"\n' \
    "$STRIPE_SECRET_KEY" "$STRIPE_API_VERSION" \
    | curl -sS -K - -X "$method" "${get[@]}" -w '\n%{http_code}' "$STRIPE_API/v1/$path" "$@"
}

# stripe_ok METHOD PATH ...: like stripe, but prints only the body and fails on a non-2xx status.
stripe_ok() {
  local response code
  response=$(stripe "$@") || die "Stripe API $1 $2 did not answer"
  code=${response##*$'\n'}
  if [[ $code != 2* ]]; then
    die "Stripe API $1 $2 answered $code: $(printf '%s' "${response%$'\n'*}" | jq -r '.error.message // "no message"')"
  fi
  printf '%s' "${response%$'\n'*}"
}

ensure_product() {
  local id=$1 name=$2 response
  response=$(stripe GET "products/$id") || die "Stripe API did not answer"
  case "${response##*$'\n'}" in
    200) say "Stripe product $id exists" ;;
    404)
      stripe_ok POST products --data-urlencode "id=$id" --data-urlencode "name=MindRoom $name" >/dev/null
      say "Stripe product $id created"
      ;;
    *) die "Stripe API GET products/$id answered ${response##*$'\n'}" ;;
  esac
}

# Prints the id of the active price with this lookup key and these terms, creating it when missing (a
# new price takes the lookup key over from an older one with other terms: prices are immutable).
ensure_price() {
  local product=$1 key=$2 interval=$3 amount=$4 currency=$5 found
  found=$(stripe_ok GET prices --data-urlencode "lookup_keys[]=$key" --data-urlencode active=true \
    | jq -r --arg i "$interval" --argjson a "$amount" --arg c "$currency" \
      '[.data[] | select(.unit_amount == $a and .currency == $c and .recurring.interval == $i)][0].id // empty')
  if [ -n "$found" ]; then
    say "Stripe price $key exists" >&2
    printf '%s' "$found"
    return 0
  fi
  stripe_ok POST prices --data-urlencode "product=$product" --data-urlencode "unit_amount=$amount" \
    --data-urlencode "currency=$currency" --data-urlencode "recurring[interval]=$interval" \
    --data-urlencode "lookup_key=$key" --data-urlencode transfer_lookup_key=true | jq -r .id
  say "Stripe price $key created" >&2
}

events_arguments() {
  local event
  IFS=',' read -ra events <<<"${STRIPE_WEBHOOK_EVENTS:-$STRIPE_DEFAULT_EVENTS}"
  for event in "${events[@]}"; do printf -- '--data-urlencode\nenabled_events[]=%s\n' "$event"; done
}

# Makes sure one endpoint posts to the platform and the cluster holds its signing secret; Stripe shows a
# secret only when the endpoint is created, so an endpoint whose secret the cluster lost is replaced.
ensure_webhook() {
  local url=$1 endpoints id current wanted stored args
  mapfile -t args < <(events_arguments)
  endpoints=$(stripe_ok GET webhook_endpoints --data-urlencode limit=100)
  id=$(jq -r --arg u "$url" '[.data[] | select(.url == $u)][0].id // empty' <<<"$endpoints")
  stored=$(read_secret_key "$PLATFORM_NAMESPACE" "$STRIPE_WEBHOOK_SECRET_NAME" STRIPE_WEBHOOK_SECRET)
  if [ -n "$id" ] && [ -z "$stored" ]; then
    stripe_ok DELETE "webhook_endpoints/$id" >/dev/null
    say "Stripe webhook endpoint $id replaced: the cluster had no signing secret for it"
    id=
  fi
  if [ -z "$id" ]; then
    # shellcheck disable=SC2034 # read by apply_secret through indirection
    STRIPE_WEBHOOK_SECRET=$(stripe_ok POST webhook_endpoints --data-urlencode "url=$url" "${args[@]}" \
      --data-urlencode "api_version=$STRIPE_API_VERSION" --data-urlencode "description=MindRoom Cloud" \
      | jq -r .secret)
    apply_secret "$PLATFORM_NAMESPACE" "$STRIPE_WEBHOOK_SECRET_NAME" STRIPE_WEBHOOK_SECRET=STRIPE_WEBHOOK_SECRET
    say "Stripe webhook endpoint for $url created"
    STRIPE_CHANGED=true
    return 0
  fi
  current=$(jq -c --arg u "$url" '[.data[] | select(.url == $u)][0].enabled_events | sort' <<<"$endpoints")
  wanted=$(tr ',' '\n' <<<"${STRIPE_WEBHOOK_EVENTS:-$STRIPE_DEFAULT_EVENTS}" | jq -cRn '[inputs] | sort')
  if [ "$current" != "$wanted" ]; then
    stripe_ok POST "webhook_endpoints/$id" "${args[@]}" >/dev/null
    say "Stripe webhook endpoint $id: events updated"
  else
    say "Stripe webhook endpoint $id is up to date"
  fi
}

store_price_ids() {
  local wanted existing
  wanted=$(jq -cnS '$ARGS.named' "$@")
  existing=$(kubectl -n "$PLATFORM_NAMESPACE" get configmap "$STRIPE_PRICES_CONFIGMAP" --ignore-not-found -o json \
    | jq -cS '.data // {}' 2>/dev/null || true)
  if [ "$wanted" = "$existing" ]; then
    say "price ids in ConfigMap $STRIPE_PRICES_CONFIGMAP are up to date"
    return 0
  fi
  apply_manifest "ConfigMap $PLATFORM_NAMESPACE/$STRIPE_PRICES_CONFIGMAP" "$(jq -n --arg ns "$PLATFORM_NAMESPACE" \
    --arg name "$STRIPE_PRICES_CONFIGMAP" --argjson data "$wanted" \
    '{apiVersion: "v1", kind: "ConfigMap", metadata: {name: $name, namespace: $ns}, data: $data}')"
  STRIPE_CHANGED=true
}

step_stripe() {
  local url="https://api.$PLATFORM_DOMAIN/webhooks/stripe" line plan name interval amount currency suffix id
  if [ "$DRY_RUN" = true ]; then
    say "+ curl $STRIPE_API/v1/products, /v1/prices (by lookup key), /v1/webhook_endpoints (url $url)"
    say "+ kubectl apply -f - (ConfigMap $PLATFORM_NAMESPACE/$STRIPE_PRICES_CONFIGMAP, Secret $PLATFORM_NAMESPACE/$STRIPE_WEBHOOK_SECRET_NAME)"
    return 0
  fi
  STRIPE_CHANGED=false
  local prices=()
  for line in "${STRIPE_PLAN_PRICES[@]}"; do
    read -r plan name interval amount currency <<<"$line"
    ensure_product "mindroom_$plan" "$name"
    suffix=$([ "$interval" = month ] && echo monthly || echo yearly)
    id=$(ensure_price "mindroom_$plan" "mindroom_${plan}_$suffix" "$interval" "$amount" "$currency")
    prices+=(--arg "STRIPE_PRICE_${plan^^}_${suffix^^}" "$id")
  done
  store_price_ids "${prices[@]}"
  ensure_webhook "$url"
  if [ "$STRIPE_CHANGED" = true ]; then
    run kubectl -n "$PLATFORM_NAMESPACE" rollout restart deployment -l app.kubernetes.io/part-of=mindroom
  fi
}

remove_stripe_webhook() {
  local url="https://api.$PLATFORM_DOMAIN/webhooks/stripe" id
  if [ "$DRY_RUN" = true ]; then
    say "+ curl -X DELETE $STRIPE_API/v1/webhook_endpoints/<the endpoint for $url>"
    return 0
  fi
  id=$(stripe_ok GET webhook_endpoints --data-urlencode limit=100 \
    | jq -r --arg u "$url" '[.data[] | select(.url == $u)][0].id // empty')
  if [ -n "$id" ]; then
    stripe_ok DELETE "webhook_endpoints/$id" >/dev/null
    say "Stripe webhook endpoint $id deleted"
  else
    say "no Stripe webhook endpoint for $url"
  fi
}
