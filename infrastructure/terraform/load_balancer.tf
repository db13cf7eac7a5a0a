# The ingress load balancer. Terraform creates it so its addresses are known for DNS in the same apply; the
# Hetzner cloud controller adopts it by name (annotation on the ingress-nginx Service, set by the deploy)
# and manages its services and targets, which Terraform therefore leaves alone.
resource "hcloud_load_balancer" "ingress" {
  name               = "${var.cluster_name}-ingress"
  load_balancer_type = var.load_balancer_type
  location           = var.location
  labels             = local.labels

  lifecycle {
    ignore_changes = [labels, algorithm]
  }
}

resource "hcloud_load_balancer_network" "ingress" {
  load_balancer_id = hcloud_load_balancer.ingress.id
  subnet_id        = hcloud_network_subnet.nodes.id
  ip               = cidrhost(local.subnet_cidr, 254)
}
