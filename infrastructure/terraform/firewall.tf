# Public inbound traffic: SSH and the Kubernetes API from the operators' addresses only, ping from anywhere.
# HTTP(S) reaches the nodes through the load balancer over the private network, which firewalls do not filter.
resource "hcloud_firewall" "nodes" {
  name   = var.cluster_name
  labels = local.labels

  rule {
    description = "SSH from the operators"
    direction   = "in"
    protocol    = "tcp"
    port        = "22"
    source_ips  = var.operator_cidrs
  }

  rule {
    description = "Kubernetes API from the operators"
    direction   = "in"
    protocol    = "tcp"
    port        = "6443"
    source_ips  = var.operator_cidrs
  }

  rule {
    description = "ping"
    direction   = "in"
    protocol    = "icmp"
    source_ips  = ["0.0.0.0/0", "::/0"]
  }
}
