# Shared helpers of the operator scripts (deploy-all.sh, cleanup-all.sh, run-migrations.sh): messages,
# the .env file, up-front checks, dry-run aware command execution, and Secrets applied through stdin so that
# no secret value ever appears on a command line or in the output.
# shellcheck shell=bash

DRY_RUN=${DRY_RUN:-false}

say() { printf '%s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

# Loads KEY=value lines (and the seed's `export KEY=...` lines) from an env file into the environment.
load_env_file() {
  local file=$1
  [ -f "$file" ] || die "no env file at $file (copy .env.example to .env and fill it in)"
  set -a
  # shellcheck disable=SC1090
  . "$file"
  set +a
}

# Collects missing variables: need VAR "what it is" ... ; report_missing prints them all and stops.
MISSING=()
need() {
  local name=$1 what=$2
  if [ -z "${!name:-}" ]; then
    MISSING+=("$name: $what")
  fi
}

need_tool() {
  local tool=$1 what=$2
  if ! command -v "$tool" >/dev/null 2>&1; then
    MISSING+=("command '$tool': $what")
  fi
}

report_missing() {
  if [ ${#MISSING[@]} -gt 0 ]; then
    printf 'error: missing settings or tools:\n' >&2
    printf '  - %s\n' "${MISSING[@]}" >&2
    printf 'Set them in the env file (see .env.example) or install the tools, then run again.\n' >&2
    exit 2
  fi
}

# Prints a command the way a shell would read it back.
show() {
  local out="+" arg
  for arg in "$@"; do out+=" $(printf '%q' "$arg")"; done
  printf '%s\n' "$out"
}

# Runs a command that changes something; in dry-run mode only prints it. Arguments never carry secrets
# (secrets travel through stdin or files only, see apply_secret and the curl config in stripe.sh).
run() {
  show "$@"
  if [ "$DRY_RUN" = true ]; then
    return 0
  fi
  "$@"
}

# Runs a read-only command and prints its output; in dry-run mode prints the command and the placeholder
# given as the first argument instead.
query() {
  local placeholder=$1
  shift
  if [ "$DRY_RUN" = true ]; then
    show "$@" >&2
    printf '%s\n' "$placeholder"
    return 0
  fi
  "$@"
}

# Applies a Secret whose values come from shell variables, through stdin:
#   apply_secret [--type TYPE] NAMESPACE NAME KEY=VARIABLE ...   (entries whose variable is empty are left out)
apply_secret() {
  local type=Opaque
  if [ "$1" = --type ]; then
    type=$2
    shift 2
  fi
  local namespace=$1 name=$2
  shift 2
  local entry key var keys=()
  for entry in "$@"; do
    var=${entry#*=}
    if [ -n "${!var:-}" ]; then keys+=("${entry%%=*}"); fi
  done
  say "+ kubectl apply -f - (Secret $namespace/$name with keys: ${keys[*]:-none})"
  if [ "$DRY_RUN" = true ]; then
    return 0
  fi
  {
    printf 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: %s\n  namespace: %s\n' "$name" "$namespace"
    printf '  labels:\n    app.kubernetes.io/managed-by: mindroom-deploy\ntype: %s\ndata:\n' "$type"
    for entry in "$@"; do
      key=${entry%%=*}
      var=${entry#*=}
      if [ -n "${!var:-}" ]; then
        printf '  %s: %s\n' "$key" "$(printf '%s' "${!var}" | base64 | tr -d '\n')"
      fi
    done
  } | kubectl apply -f -
}

# Applies a manifest given as text (no secrets in it) through stdin, printing only what it is.
apply_manifest() {
  local what=$1 manifest=$2
  say "+ kubectl apply -f - ($what)"
  if [ "$DRY_RUN" = true ]; then
    return 0
  fi
  printf '%s\n' "$manifest" | kubectl apply -f -
}

# Reads one key of an existing Secret (decoded), or nothing when the Secret or key does not exist.
read_secret_key() {
  local namespace=$1 name=$2 key=$3 encoded
  if [ "$DRY_RUN" = true ]; then
    return 0
  fi
  encoded=$(kubectl -n "$namespace" get secret "$name" --ignore-not-found -o "jsonpath={.data.$key}" 2>/dev/null || true)
  if [ -n "$encoded" ]; then
    printf '%s' "$encoded" | base64 -d
  fi
}

# Retries a command until it succeeds: retry ATTEMPTS DELAY_SECONDS command...
retry() {
  local attempts=$1 delay=$2 n=1
  shift 2
  until "$@"; do
    if [ "$n" -ge "$attempts" ]; then
      return 1
    fi
    n=$((n + 1))
    sleep "$delay"
  done
}
