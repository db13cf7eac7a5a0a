# The Terraform steps: apply and destroy the Hetzner Cloud infrastructure, and read its outputs.
# Terraform gets every input through TF_VAR_* environment variables, so no value lands on a command line.
# shellcheck shell=bash

export_terraform_vars() {
  export TF_VAR_hcloud_token=${HCLOUD_TOKEN:-}
  export TF_VAR_cluster_name=$CLUSTER_NAME
  export TF_VAR_environment=$ENVIRONMENT
  export TF_VAR_domain=${PLATFORM_DOMAIN:-}
  export TF_VAR_dns_zone=$ROOT_DOMAIN
  export TF_VAR_dns_provider=$DNS_PROVIDER
  if [ -f "$SSH_PUBLIC_KEY_FILE" ]; then
    TF_VAR_ssh_public_key=$(cat "$SSH_PUBLIC_KEY_FILE")
  else
    # only destroy gets here (deploy checks the file up front): the key's value does not matter to it
    TF_VAR_ssh_public_key="ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA absent"
  fi
  export TF_VAR_ssh_public_key
  export TF_VAR_ssh_private_key_file=$SSH_PRIVATE_KEY_FILE
  export TF_VAR_kubeconfig_path=$KUBECONFIG_FILE
  local cidrs=${OPERATOR_CIDRS:-} json='' cidr
  IFS=',' read -ra cidr_list <<<"$cidrs"
  for cidr in "${cidr_list[@]}"; do
    cidr=${cidr// /}
    [ -n "$cidr" ] && json+="${json:+,}\"$cidr\""
  done
  export TF_VAR_operator_cidrs="[$json]"
}

check_infra() {
  need HCLOUD_TOKEN "Hetzner Cloud API token (read & write) of the project to deploy into"
  need PLATFORM_DOMAIN "the platform's base domain: app.<domain>, api.<domain>, <slug>.<domain>"
  need OPERATOR_CIDRS "comma-separated CIDRs allowed to reach SSH and the Kubernetes API, e.g. 203.0.113.7/32"
  need_tool terraform "Terraform >= 1.10 creates the infrastructure"
  if [ "$DNS_PROVIDER" = porkbun ]; then
    need PORKBUN_API_KEY "Porkbun API key (DNS_PROVIDER=porkbun)"
    need PORKBUN_SECRET_API_KEY "Porkbun secret API key (DNS_PROVIDER=porkbun)"
  fi
  if [ -n "${TF_STATE_BUCKET:-}" ]; then
    need TF_STATE_ENDPOINT "S3-compatible endpoint of the remote state, e.g. https://fsn1.your-objectstorage.com"
    need AWS_ACCESS_KEY_ID "access key of the remote-state bucket"
    need AWS_SECRET_ACCESS_KEY "secret key of the remote-state bucket"
  fi
  if [ ! -f "$SSH_PUBLIC_KEY_FILE" ]; then
    MISSING+=("SSH_PUBLIC_KEY_FILE: no public key at $SSH_PUBLIC_KEY_FILE (set SSH_PRIVATE_KEY_FILE/SSH_PUBLIC_KEY_FILE)")
  fi
}

# Remote state in an S3-compatible bucket (Hetzner Object Storage works) when TF_STATE_BUCKET is set;
# local state in infrastructure/terraform otherwise. The backend block is generated (and git-ignored)
# because Terraform cannot switch backends by variable.
terraform_init() {
  local args=(-chdir="$TERRAFORM_DIR" init -input=false)
  if [ -n "${TF_STATE_BUCKET:-}" ]; then
    if [ "$DRY_RUN" != true ]; then
      mkdir -p "$STATE_DIR"
      printf 'terraform {\n  backend "s3" {}\n}\n' >"$TERRAFORM_DIR/backend.tf"
      cat >"$STATE_DIR/backend.hcl" <<HCL
bucket                      = "$TF_STATE_BUCKET"
key                         = "${TF_STATE_KEY:-mindroom/$ENVIRONMENT.tfstate}"
region                      = "${TF_STATE_REGION:-eu-central}"
endpoints                   = { s3 = "$TF_STATE_ENDPOINT" }
use_path_style              = true
use_lockfile                = true
skip_credentials_validation = true
skip_region_validation      = true
skip_requesting_account_id  = true
skip_metadata_api_check     = true
skip_s3_checksum            = true
HCL
    fi
    args+=(-backend-config="$STATE_DIR/backend.hcl")
  fi
  run terraform "${args[@]}"
}

step_infra() {
  export_terraform_vars
  terraform_init
  run terraform -chdir="$TERRAFORM_DIR" apply -input=false -auto-approve
}

destroy_infra() {
  export_terraform_vars
  terraform_init
  run terraform -chdir="$TERRAFORM_DIR" destroy -input=false -auto-approve
}

# One output of the applied configuration (placeholder in dry-run mode).
tf_output() {
  query "<terraform output $1>" terraform -chdir="$TERRAFORM_DIR" output -raw "$1"
}
