# The cluster steps: fetch the kubeconfig from the first control-plane node and install the add-ons
# (Hetzner cloud controller and CSI driver, ingress-nginx, cert-manager with its ClusterIssuer, and
# metrics-server), each a pinned Helm chart installed with `helm upgrade --install`.
# shellcheck shell=bash

ADDONS_DIR=$ROOT/infrastructure/addons
HCCM_VERSION=1.25.1
HCLOUD_CSI_VERSION=2.19.0
INGRESS_NGINX_VERSION=4.12.1
CERT_MANAGER_VERSION=v1.18.2
CERT_MANAGER_HETZNER_VERSION=0.7.0
METRICS_SERVER_VERSION=3.12.2
HETZNER_CHARTS=https://charts.hetzner.cloud

check_kubeconfig() {
  need_tool kubectl "kubectl talks to the cluster"
  need_tool ssh "ssh fetches the kubeconfig from the first control-plane node"
  need_tool terraform "Terraform outputs say where the cluster is"
}

cluster_reachable() {
  [ -s "$KUBECONFIG_FILE" ] && kubectl --request-timeout=15s get --raw /readyz >/dev/null 2>&1
}

fetch_kubeconfig() {
  local host=$1 api=$2 raw
  raw=$(ssh -i "$SSH_PRIVATE_KEY_FILE" -o BatchMode=yes -o ConnectTimeout=10 \
    -o StrictHostKeyChecking=accept-new -o UserKnownHostsFile="$STATE_DIR/known_hosts" \
    "root@$host" cat /etc/rancher/k3s/k3s.yaml) || return 1
  [ -n "$raw" ] || return 1
  (
    umask 077
    printf '%s\n' "$raw" | sed -e "s#https://127.0.0.1:6443#$api#" -e "s#: default\$#: $CLUSTER_NAME#" \
      >"$KUBECONFIG_FILE"
  )
}

step_kubeconfig() {
  local host api
  host=$(tf_output first_control_plane_ipv4)
  api=$(tf_output kubernetes_api_url)
  run mkdir -p "$STATE_DIR"
  if [ "$DRY_RUN" = true ]; then
    show ssh "root@$host" cat /etc/rancher/k3s/k3s.yaml
    show kubectl wait --for=condition=Ready nodes --all --timeout=15m
    return 0
  fi
  if cluster_reachable; then
    say "kubeconfig at $KUBECONFIG_FILE already reaches the cluster"
  else
    say "+ ssh root@$host cat /etc/rancher/k3s/k3s.yaml > $KUBECONFIG_FILE (waits for k3s to come up)"
    retry 60 "$RETRY_DELAY" fetch_kubeconfig "$host" "$api" || die "could not fetch the kubeconfig from $host"
    retry 30 "$RETRY_DELAY" cluster_reachable || die "the Kubernetes API at $api does not answer"
  fi
  run kubectl wait --for=condition=Ready nodes --all --timeout=15m
}

check_addons() {
  need HCLOUD_TOKEN "Hetzner Cloud API token, used by the cloud controller and the CSI driver"
  need PLATFORM_DOMAIN "the platform's base domain (certificates)"
  need ACME_EMAIL "e-mail address for the Let's Encrypt account"
  need_tool kubectl "kubectl talks to the cluster"
  need_tool helm "Helm 3.13+ installs the add-ons and the platform"
  need_tool terraform "Terraform outputs say which network and load balancer to use"
}

helm_addon() {
  local release=$1 namespace=$2 chart=$3 repo=$4 version=$5
  shift 5
  run helm upgrade --install "$release" "$chart" --repo "$repo" --version "$version" \
    --namespace "$namespace" --create-namespace --wait --timeout 10m "$@"
}

# The LUKS passphrase of the tenants' encrypted volumes (the platform chart's StorageClass): generated once per
# cluster and then kept, since existing volumes open only with it. Keep a copy outside the cluster.
tenant_volume_passphrase() {
  TENANT_VOLUME_PASSPHRASE=${TENANT_VOLUME_PASSPHRASE:-$(read_secret_key kube-system hcloud-csi-encryption encryption-passphrase)}
  if [ -z "$TENANT_VOLUME_PASSPHRASE" ]; then
    TENANT_VOLUME_PASSPHRASE=$(head -c 32 /dev/urandom | base64 | tr -d '\n')
  fi
  export TENANT_VOLUME_PASSPHRASE
  apply_secret kube-system hcloud-csi-encryption encryption-passphrase=TENANT_VOLUME_PASSPHRASE
}

step_addons() {
  local network_id lb_name location wildcard=false
  network_id=$(tf_output network_id)
  lb_name=$(tf_output ingress_load_balancer_name)
  location=$(tf_output location)
  export HCLOUD_NETWORK_ID=$network_id
  apply_secret kube-system hcloud token=HCLOUD_TOKEN network=HCLOUD_NETWORK_ID
  helm_addon hccm kube-system hcloud-cloud-controller-manager "$HETZNER_CHARTS" "$HCCM_VERSION" \
    -f "$ADDONS_DIR/hcloud-ccm-values.yaml" --set-string "env.HCLOUD_LOAD_BALANCERS_LOCATION.value=$location"
  helm_addon hcloud-csi kube-system hcloud-csi "$HETZNER_CHARTS" "$HCLOUD_CSI_VERSION" \
    -f "$ADDONS_DIR/hcloud-csi-values.yaml"
  tenant_volume_passphrase
  helm_addon metrics-server kube-system metrics-server https://kubernetes-sigs.github.io/metrics-server/ \
    "$METRICS_SERVER_VERSION" -f "$ADDONS_DIR/metrics-server-values.yaml"
  helm_addon cert-manager cert-manager cert-manager https://charts.jetstack.io "$CERT_MANAGER_VERSION" \
    -f "$ADDONS_DIR/cert-manager-values.yaml"
  if [ "$DNS_PROVIDER" = hetzner ]; then
    wildcard=true
    apply_secret cert-manager hetzner-dns token=HCLOUD_TOKEN
    helm_addon cert-manager-webhook-hetzner cert-manager cert-manager-webhook-hetzner "$HETZNER_CHARTS" \
      "$CERT_MANAGER_HETZNER_VERSION"
  fi
  local ingress_args=(
    -f "$ADDONS_DIR/ingress-nginx-values.yaml"
    --set-string "controller.service.annotations.load-balancer\.hetzner\.cloud/name=$lb_name"
    --set-string "controller.service.annotations.load-balancer\.hetzner\.cloud/location=$location"
  )
  if [ "$wildcard" = true ]; then
    # tenant Ingresses without a certificate of their own are served the wildcard one
    ingress_args+=(--set-string "controller.extraArgs.default-ssl-certificate=ingress-nginx/wildcard-tls")
  fi
  helm_addon ingress-nginx ingress-nginx ingress-nginx https://kubernetes.github.io/ingress-nginx \
    "$INGRESS_NGINX_VERSION" "${ingress_args[@]}"
  run helm upgrade --install mindroom-cluster "$ADDONS_DIR/mindroom-cluster" --namespace ingress-nginx \
    --wait --timeout 10m --set-string "domain=$PLATFORM_DOMAIN" --set-string "acme.email=$ACME_EMAIL" \
    --set-string "acme.server=${ACME_SERVER:-https://acme-v02.api.letsencrypt.org/directory}" \
    --set "dns01.hetzner=$wildcard"
}

# Removes what the add-ons created outside Terraform, newest first; the cluster itself goes with Terraform.
remove_addons() {
  local release
  for release in mindroom-cluster:ingress-nginx ingress-nginx:ingress-nginx \
    cert-manager-webhook-hetzner:cert-manager cert-manager:cert-manager metrics-server:kube-system \
    hcloud-csi:kube-system hccm:kube-system; do
    run helm uninstall "${release%%:*}" --namespace "${release#*:}" --ignore-not-found --wait
  done
}
