output "kubeconfig_path" {
  description = "Where scripts/deploy-all.sh writes the kubeconfig it fetches from the first control plane."
  value       = var.kubeconfig_path
}

output "kubernetes_api_url" {
  description = "The Kubernetes API, reachable from operator_cidrs only."
  value       = "https://${hcloud_server.control_plane[local.first_control_plane].ipv4_address}:6443"
}

output "first_control_plane_ipv4" {
  description = "Public IPv4 of the first control-plane node (SSH from operator_cidrs)."
  value       = hcloud_server.control_plane[local.first_control_plane].ipv4_address
}

output "control_plane_ipv4" {
  description = "Public IPv4 addresses of the control-plane nodes."
  value       = { for name, server in hcloud_server.control_plane : name => server.ipv4_address }
}

output "worker_ipv4" {
  description = "Public IPv4 addresses of the worker nodes."
  value       = { for name, server in hcloud_server.worker : name => server.ipv4_address }
}

output "network_id" {
  description = "ID of the private network (the cloud controller attaches the load balancer to it)."
  value       = hcloud_network.cluster.id
}

output "location" {
  description = "Hetzner location of the cluster."
  value       = var.location
}

output "ingress_load_balancer_name" {
  description = "Name under which the cloud controller adopts the ingress load balancer."
  value       = hcloud_load_balancer.ingress.name
}

output "ingress_ipv4" {
  description = "Public IPv4 of the ingress load balancer: app, api, the apex and *.<domain> point here."
  value       = hcloud_load_balancer.ingress.ipv4
}

output "ingress_ipv6" {
  description = "Public IPv6 of the ingress load balancer."
  value       = hcloud_load_balancer.ingress.ipv6
}

output "dns_records" {
  description = "The records the platform needs; kept by Terraform unless dns_provider is none."
  value       = [for key, record in local.dns_records : "${record.name == "@" ? var.dns_zone : "${record.name}.${var.dns_zone}"} ${record.type} ${record.value}"]
}
