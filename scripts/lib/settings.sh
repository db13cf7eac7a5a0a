# Derives every setting the operator scripts use from the environment (loaded from .env), with the seed's
# names where they exist. Nothing here prints a value that could be secret.
# shellcheck shell=bash

resolve_settings() {
  ENVIRONMENT=${ENVIRONMENT:-production}
  ROOT_DOMAIN=${ROOT_DOMAIN:-${PLATFORM_DOMAIN:-}}
  CLUSTER_NAME=${TF_VAR_cluster_name:-mindroom-$ENVIRONMENT}
  PLATFORM_NAMESPACE=${PLATFORM_NAMESPACE:-mindroom}
  PLATFORM_RELEASE=${PLATFORM_RELEASE:-mindroom-platform}
  STATE_DIR=${DEPLOY_STATE_DIR:-$ROOT/.local/deploy/$ENVIRONMENT}
  KUBECONFIG_FILE=${KUBECONFIG_FILE:-$STATE_DIR/kubeconfig}
  TERRAFORM_DIR=$ROOT/infrastructure/terraform
  SSH_PRIVATE_KEY_FILE=${SSH_PRIVATE_KEY_FILE:-$HOME/.ssh/id_ed25519}
  SSH_PUBLIC_KEY_FILE=${SSH_PUBLIC_KEY_FILE:-$SSH_PRIVATE_KEY_FILE.pub}
  MAVEN=${MAVEN:-$ROOT/mvnw}
  RETRY_DELAY=${DEPLOY_RETRY_DELAY:-10}
  SERVICES=gateway,customer-portal,admin-dashboard,stripe-handler,instance-provisioner
  if [ -z "${DNS_PROVIDER:-}" ]; then
    # as in the seed: Porkbun records when its keys are set, none otherwise
    if [ -n "${PORKBUN_API_KEY:-}" ] && [ -n "${PORKBUN_SECRET_API_KEY:-}" ]; then
      DNS_PROVIDER=porkbun
    else
      DNS_PROVIDER=none
    fi
  fi
  export KUBECONFIG=$KUBECONFIG_FILE
}

# Validates values whose shape matters before anything runs.
check_settings() {
  case "$ENVIRONMENT" in
    test | staging | production) ;;
    *) MISSING+=("ENVIRONMENT: one of test, staging, production (is '$ENVIRONMENT')") ;;
  esac
  case "$DNS_PROVIDER" in
    none | hetzner | porkbun) ;;
    *) MISSING+=("DNS_PROVIDER: one of none, hetzner, porkbun (is '$DNS_PROVIDER')") ;;
  esac
  if [ -n "${PLATFORM_DOMAIN:-}" ] && ! [[ $PLATFORM_DOMAIN =~ ^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$ ]]; then
    MISSING+=("PLATFORM_DOMAIN: a lower-case DNS name such as mindroom.example.com")
  fi
  if [ -n "${PLATFORM_DOMAIN:-}" ] && [ "$PLATFORM_DOMAIN" != "$ROOT_DOMAIN" ] \
    && [[ $PLATFORM_DOMAIN != *".$ROOT_DOMAIN" ]]; then
    MISSING+=("ROOT_DOMAIN: must be PLATFORM_DOMAIN or a parent of it")
  fi
}

# The image tag: IMAGE_TAG when set (never "latest"), otherwise the git revision of the checkout, marked
# "-dirty" when the working tree has uncommitted changes.
resolve_image_tag() {
  if [ -n "${IMAGE_TAG:-}" ]; then
    if [ "$IMAGE_TAG" = latest ]; then
      die "IMAGE_TAG=latest is refused: images are pinned to a revision (leave IMAGE_TAG empty to use git's)"
    fi
    return 0
  fi
  IMAGE_TAG=$(git -C "$ROOT" rev-parse --short=12 HEAD)
  if [ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no)" ]; then
    IMAGE_TAG=$IMAGE_TAG-dirty
    warn "the working tree has uncommitted changes: images are tagged $IMAGE_TAG and rebuilt on every run"
  fi
}

# Splits SUPABASE_DB_URL (postgresql://user:password@host:port/db?params, as Supabase shows it, or a
# jdbc:postgresql:// URL with MINDROOM_DB_USER and MINDROOM_DB_PASSWORD) into DB_JDBC_URL, DB_USER and
# DB_PASSWORD. The password may be percent-encoded in the URL.
parse_db_url() {
  local url=${SUPABASE_DB_URL:-} rest userinfo hostpart
  case "$url" in
    jdbc:postgresql://*)
      DB_JDBC_URL=$url
      DB_USER=${MINDROOM_DB_USER:-}
      DB_PASSWORD=${MINDROOM_DB_PASSWORD:-}
      ;;
    postgres://* | postgresql://*)
      rest=${url#*://}
      if [[ $rest == *@* ]]; then
        userinfo=${rest%@*}
        hostpart=${rest##*@}
      else
        userinfo=
        hostpart=$rest
      fi
      DB_USER=$(url_decode "${userinfo%%:*}")
      if [[ $userinfo == *:* ]]; then DB_PASSWORD=$(url_decode "${userinfo#*:}"); else DB_PASSWORD=; fi
      DB_JDBC_URL=jdbc:postgresql://$hostpart
      ;;
    *) die "SUPABASE_DB_URL must start with postgresql:// or jdbc:postgresql://" ;;
  esac
  [ -n "$DB_USER" ] || die "SUPABASE_DB_URL has no user (or set MINDROOM_DB_USER for a jdbc: URL)"
  export DB_JDBC_URL DB_USER DB_PASSWORD
}

url_decode() {
  local value=${1//+/ }
  printf '%b' "${value//%/\\x}"
}
