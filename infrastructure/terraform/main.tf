# MindRoom Cloud on Hetzner Cloud: a private network, a firewall that admits only the operators to SSH and
# the Kubernetes API, k3s control-plane and worker nodes spread by placement groups, and the load balancer
# that ingress-nginx (through the Hetzner cloud controller) serves the platform and the tenants from.

locals {
  labels = {
    "app.kubernetes.io/part-of" = "mindroom"
    cluster                     = var.cluster_name
    environment                 = var.environment
  }
  network_zone = {
    fsn1 = "eu-central", nbg1 = "eu-central", hel1 = "eu-central", ash = "us-east", hil = "us-west", sin = "ap-southeast"
  }[var.location]
  subnet_cidr = cidrsubnet(var.network_cidr, 8, 1)
  # fixed private addresses: control planes from .10, workers from .20
  control_planes = {
    for i in range(var.control_plane_count) : "${var.cluster_name}-control-plane-${i + 1}" => {
      index = i
      ip    = cidrhost(local.subnet_cidr, 10 + i)
    }
  }
  workers = {
    for i in range(var.worker_count) : "${var.cluster_name}-worker-${i + 1}" => {
      ip = cidrhost(local.subnet_cidr, 20 + i)
    }
  }
  first_control_plane = "${var.cluster_name}-control-plane-1"
  join_url            = "https://${local.control_planes[local.first_control_plane].ip}:6443"
  # with workers, the control planes keep to the cluster's own work
  control_plane_taints = var.worker_count > 0 ? ["node-role.kubernetes.io/control-plane=true:NoSchedule"] : []
}

resource "random_password" "k3s_token" {
  length  = 48
  special = false
}

resource "hcloud_network" "cluster" {
  name     = var.cluster_name
  ip_range = var.network_cidr
  labels   = local.labels
}

resource "hcloud_network_subnet" "nodes" {
  network_id   = hcloud_network.cluster.id
  type         = "cloud"
  network_zone = local.network_zone
  ip_range     = local.subnet_cidr
}

resource "hcloud_ssh_key" "operator" {
  name       = var.cluster_name
  public_key = var.ssh_public_key
  labels     = local.labels
}

resource "hcloud_placement_group" "control_plane" {
  name   = "${var.cluster_name}-control-plane"
  type   = "spread"
  labels = local.labels
}

resource "hcloud_placement_group" "workers" {
  count  = var.worker_count > 0 ? 1 : 0
  name   = "${var.cluster_name}-workers"
  type   = "spread"
  labels = local.labels
}
