# The platform steps: the namespace, the Secrets the services reference, `helm upgrade --install` of
# infrastructure/helm/platform, and the smoke check of the public URLs.
# shellcheck shell=bash

PLATFORM_CHART=$ROOT/infrastructure/helm/platform
PLATFORM_SECRET=mindroom-platform-secrets
REGISTRY_SECRET=mindroom-registry

check_platform() {
  need PLATFORM_DOMAIN "the platform's base domain"
  need REGISTRY "image registry and namespace the images were pushed to"
  need GITEA_USER "user name at the registry (the cluster pulls with it)"
  need GITEA_TOKEN "token at the registry (the cluster pulls with it)"
  need SUPABASE_DB_URL "PostgreSQL URL of the platform database (Supabase: Project Settings > Database)"
  need STRIPE_SECRET_KEY "Stripe secret key (sk_live_... or sk_test_...)"
  need_tool kubectl "kubectl talks to the cluster"
  need_tool helm "Helm 3.13+ installs the platform chart"
  need_tool jq "jq writes the generated Helm values"
}

# Keeps a generated secret stable across runs: the environment wins, then what the cluster already has,
# and only then a new random value.
stable_secret() {
  local variable=$1 existing
  if [ -n "${!variable:-}" ]; then
    return 0
  fi
  existing=$(read_secret_key "$PLATFORM_NAMESPACE" "$PLATFORM_SECRET" "$variable")
  if [ -z "$existing" ]; then
    existing=$(head -c 32 /dev/urandom | base64 | tr -d '\n')
  fi
  printf -v "$variable" '%s' "$existing"
}

platform_secrets() {
  parse_db_url
  MINDROOM_JWT_SECRET=${MINDROOM_JWT_SECRET:-${SUPABASE_JWT_SECRET:-}}
  stable_secret MINDROOM_JWT_SECRET
  stable_secret MINDROOM_ENCRYPTION_KEY
  local host=${REGISTRY%%/*} auth
  auth=$(printf '%s:%s' "$GITEA_USER" "$GITEA_TOKEN" | base64 | tr -d '\n')
  # shellcheck disable=SC2034 # read by apply_secret through indirection
  REGISTRY_DOCKERCONFIG=$(jq -cn --arg host "$host" --arg auth "$auth" '{auths: {($host): {auth: $auth}}}')
  apply_secret "$PLATFORM_NAMESPACE" "$PLATFORM_SECRET" MINDROOM_DB_USER=DB_USER \
    MINDROOM_DB_PASSWORD=DB_PASSWORD MINDROOM_JWT_SECRET=MINDROOM_JWT_SECRET \
    MINDROOM_ENCRYPTION_KEY=MINDROOM_ENCRYPTION_KEY STRIPE_SECRET_KEY=STRIPE_SECRET_KEY \
    SUPABASE_ANON_KEY=SUPABASE_ANON_KEY SUPABASE_SERVICE_KEY=SUPABASE_SERVICE_KEY \
    OPENAI_API_KEY=OPENAI_API_KEY ANTHROPIC_API_KEY=ANTHROPIC_API_KEY OPENROUTER_API_KEY=OPENROUTER_API_KEY \
    MINDROOM_BACKUP_S3_ACCESS_KEY=BACKUP_S3_ACCESS_KEY MINDROOM_BACKUP_S3_SECRET_KEY=BACKUP_S3_SECRET_KEY
  apply_secret --type kubernetes.io/dockerconfigjson "$PLATFORM_NAMESPACE" "$REGISTRY_SECRET" \
    .dockerconfigjson=REGISTRY_DOCKERCONFIG
}

# Helm values that depend on this deployment (no secrets: those are referenced from the Secret above).
# A checksum of the secret inputs rolls the pods when, and only when, a secret changed.
platform_values() {
  local checksum supabase=${SUPABASE_URL:-}
  checksum=$(printf '%s\n' "$DB_USER" "$DB_PASSWORD" "$MINDROOM_JWT_SECRET" "$MINDROOM_ENCRYPTION_KEY" \
    "$STRIPE_SECRET_KEY" "${SUPABASE_ANON_KEY:-}" "${SUPABASE_SERVICE_KEY:-}" "${OPENAI_API_KEY:-}" \
    "${ANTHROPIC_API_KEY:-}" "${OPENROUTER_API_KEY:-}" "${BACKUP_S3_ACCESS_KEY:-}" "${BACKUP_S3_SECRET_KEY:-}" \
    | sha256sum | cut -c1-16)
  jq -n --arg domain "$PLATFORM_DOMAIN" --arg environment "$ENVIRONMENT" --arg registry "$REGISTRY" \
    --arg tag "$IMAGE_TAG" --arg pull "$REGISTRY_SECRET" --arg secret "$PLATFORM_SECRET" \
    --arg checksum "$checksum" --arg db "$DB_JDBC_URL" --arg supabase "$supabase" \
    --arg publishable "${STRIPE_PUBLISHABLE_KEY:-}" --arg s3 "${BACKUP_S3_ENDPOINT:-}" \
    --arg bucket "${BACKUP_S3_BUCKET:-}" '{
      global: {domain: $domain, environment: $environment},
      image: {registry: $registry, tag: $tag, pullSecrets: [$pull]},
      platformSecret: $secret,
      podAnnotations: {"mindroom.cloud/secrets-checksum": $checksum},
      env: ({MINDROOM_DB_URL: $db}
        + (if $supabase == "" then {} else {
            SUPABASE_URL: $supabase,
            MINDROOM_JWT_JWKS_URI: ($supabase + "/auth/v1/.well-known/jwks.json"),
            MINDROOM_JWT_ISSUER: ($supabase + "/auth/v1")} end)
        + (if $publishable == "" then {} else {STRIPE_PUBLISHABLE_KEY: $publishable} end)),
      services: {"instance-provisioner": {env: {MINDROOM_BACKUP_S3_ENDPOINT: $s3, MINDROOM_BACKUP_S3_BUCKET: $bucket}}}
    }'
}

step_platform() {
  apply_manifest "Namespace $PLATFORM_NAMESPACE" "apiVersion: v1
kind: Namespace
metadata:
  name: $PLATFORM_NAMESPACE
  labels:
    app.kubernetes.io/part-of: mindroom"
  platform_secrets
  local values=$STATE_DIR/platform-values.json extra=()
  if [ "$DRY_RUN" != true ]; then
    mkdir -p "$STATE_DIR"
    platform_values >"$values"
  fi
  if [ -n "${PLATFORM_VALUES:-}" ]; then
    extra=(-f "$PLATFORM_VALUES")
  fi
  run helm upgrade --install "$PLATFORM_RELEASE" "$PLATFORM_CHART" --namespace "$PLATFORM_NAMESPACE" \
    -f "$values" "${extra[@]}" --atomic --wait --timeout 15m
}

remove_platform() {
  run helm uninstall "$PLATFORM_RELEASE" --namespace "$PLATFORM_NAMESPACE" --ignore-not-found --wait
  run kubectl delete namespace "$PLATFORM_NAMESPACE" --ignore-not-found --wait=true --timeout=10m
}

# Tenant namespaces (mindroom-<slug>) hold volumes that cost money: they go before the CSI driver does.
remove_tenants() {
  local namespaces
  namespaces=$(query "" kubectl get namespaces -o 'jsonpath={range .items[*]}{.metadata.name}{"\n"}{end}')
  namespaces=$(printf '%s\n' "$namespaces" | grep '^mindroom-' || true)
  if [ -z "$namespaces" ]; then
    say "no tenant namespaces"
    return 0
  fi
  # shellcheck disable=SC2086
  run kubectl delete namespace $namespaces --wait=true --timeout=15m
}

check_smoke() {
  need PLATFORM_DOMAIN "the platform's base domain"
  need_tool curl "curl checks the public URL"
}

smoke_ok() {
  curl -fsS --max-time 10 -o /dev/null "$1"
}

step_smoke() {
  local url
  # public paths the gateway routes to the portal: the gateway never answers /actuator/** on its public port
  for url in "https://app.$PLATFORM_DOMAIN/robots.txt" "https://api.$PLATFORM_DOMAIN/api/v1/openapi"; do
    say "+ curl $url"
    if [ "$DRY_RUN" = true ]; then
      continue
    fi
    # certificates and DNS may take a few minutes on the first deployment
    retry 30 "$RETRY_DELAY" smoke_ok "$url" || die "$url did not answer"
    say "$url answers"
  done
}
