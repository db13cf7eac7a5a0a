# Renders what one k3s node needs, without any provider: the cloud-init user data (operating system
# preparation only, so nothing secret reaches the server's metadata), the k3s configuration (which holds the
# join token and is copied over SSH) and the install command. Kept provider-free so it can be rendered and
# checked offline.

terraform {
  required_version = ">= 1.10"
}

locals {
  server = var.role == "server"
  k3s_config = merge(
    {
      token                     = var.token
      "node-ip"                 = var.node_ip
      "node-name"               = var.node_name
      "kubelet-arg"             = ["cloud-provider=external"]
      "node-label"              = [for key, value in var.node_labels : "${key}=${value}"]
      "node-taint"              = var.node_taints
      "protect-kernel-defaults" = true
    },
    var.server_url == "" ? null : { server = var.server_url },
    local.server ? {
      "cluster-init"             = var.server_url == ""
      "disable-cloud-controller" = true
      # ingress-nginx, the Hetzner load balancer and CSI driver, and a pinned metrics-server replace these
      "disable"                     = ["traefik", "servicelb", "local-storage", "metrics-server"]
      "tls-san"                     = var.tls_sans
      "write-kubeconfig-mode"       = "0600"
      "secrets-encryption"          = true
      "etcd-snapshot-schedule-cron" = "0 */6 * * *"
      "etcd-snapshot-retention"     = 20
    } : null
  )
  install_env = join(" ", compact([
    "INSTALL_K3S_EXEC=${var.role}",
    var.k3s_version != "" ? "INSTALL_K3S_VERSION='${var.k3s_version}'" : "INSTALL_K3S_CHANNEL='${var.k3s_channel}'",
  ]))
}

output "cloud_init" {
  description = "cloud-init user data: packages, automatic security updates, kernel settings k3s expects, SSH hardening."
  value       = templatefile("${path.module}/templates/cloud-init.yaml.tftpl", { node_name = var.node_name })
}

output "k3s_config" {
  description = "Contents of /etc/rancher/k3s/config.yaml (holds the join token: copy it over SSH, never in user data)."
  value       = yamlencode(local.k3s_config)
  sensitive   = true
}

output "install_commands" {
  description = "Commands, run over SSH after cloud-init finished, that install k3s with the configuration in place."
  value = [
    "cloud-init status --wait >/dev/null || true",
    "test -f /etc/rancher/k3s/config.yaml",
    "curl -sfL https://get.k3s.io | ${local.install_env} sh -",
  ]
}
