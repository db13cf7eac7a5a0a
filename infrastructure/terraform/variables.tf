# Inputs of the Hetzner Cloud infrastructure. scripts/deploy-all.sh sets them through TF_VAR_* from .env;
# the cluster settings (sizes, counts, location) can be set there as TF_VAR_<name> too.

variable "hcloud_token" {
  description = "Hetzner Cloud API token (read & write) of the project to deploy into."
  type        = string
  sensitive   = true
  validation {
    condition     = length(var.hcloud_token) == 64
    error_message = "hcloud_token must be a 64-character Hetzner Cloud API token."
  }
}

variable "cluster_name" {
  description = "Name of the cluster; prefixes every resource (servers, network, firewall, load balancer)."
  type        = string
  default     = "mindroom-production"
  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,38}[a-z0-9]$", var.cluster_name))
    error_message = "cluster_name must be 3-40 lower-case letters, digits and dashes, starting with a letter."
  }
}

variable "environment" {
  description = "Deployment environment, as a label on every resource: test, staging or production."
  type        = string
  default     = "production"
  validation {
    condition     = contains(["test", "staging", "production"], var.environment)
    error_message = "environment must be test, staging or production."
  }
}

variable "location" {
  description = "Hetzner location of the servers and the load balancer."
  type        = string
  default     = "fsn1"
  validation {
    condition     = contains(["fsn1", "nbg1", "hel1", "ash", "hil", "sin"], var.location)
    error_message = "location must be one of fsn1, nbg1, hel1, ash, hil, sin."
  }
}

variable "network_cidr" {
  description = "IPv4 range of the private network; the nodes' subnet is its first /24."
  type        = string
  default     = "10.0.0.0/16"
  validation {
    condition     = can(cidrsubnet(var.network_cidr, 8, 1)) && startswith(var.network_cidr, "10.")
    error_message = "network_cidr must be a private 10.x.x.x range of /16 or smaller prefix length, e.g. 10.0.0.0/16 (10.42/16 and 10.43/16 are k3s's pods and services)."
  }
}

variable "operator_cidrs" {
  description = "Addresses (CIDRs) allowed to reach SSH (22) and the Kubernetes API (6443), e.g. [\"203.0.113.7/32\"]. Everything else is closed; HTTP(S) arrives through the load balancer."
  type        = list(string)
  validation {
    condition     = length(var.operator_cidrs) > 0 && alltrue([for cidr in var.operator_cidrs : can(cidrsubnet(cidr, 0, 0))])
    error_message = "operator_cidrs must list at least one CIDR, such as 203.0.113.7/32 or 2001:db8::/64."
  }
  validation {
    condition     = var.allow_admin_from_anywhere || !anytrue([for cidr in var.operator_cidrs : endswith(cidr, "/0")])
    error_message = "operator_cidrs must not open SSH and the Kubernetes API to the whole internet (a /0); list your own addresses, or set allow_admin_from_anywhere = true knowingly."
  }
}

variable "allow_admin_from_anywhere" {
  description = "Accept a /0 in operator_cidrs. Off: SSH and the Kubernetes API stay closed to the internet."
  type        = bool
  default     = false
}

variable "ssh_public_key" {
  description = "OpenSSH public key installed for root on every node (the deploy reads SSH_PUBLIC_KEY_FILE)."
  type        = string
  validation {
    condition     = can(regex("^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp[0-9]+) ", var.ssh_public_key))
    error_message = "ssh_public_key must be an OpenSSH public key (ssh-ed25519, ssh-rsa or ecdsa-sha2-*)."
  }
}

variable "ssh_private_key_file" {
  description = "Private key matching ssh_public_key; Terraform uses it to install k3s over SSH."
  type        = string
  default     = "~/.ssh/id_ed25519"
  validation {
    condition     = trimspace(var.ssh_private_key_file) != ""
    error_message = "ssh_private_key_file must name the private key file."
  }
}

variable "control_plane_count" {
  description = "Number of control-plane nodes: 1, or 3 for a highly available embedded etcd."
  type        = number
  default     = 1
  validation {
    condition     = contains([1, 3], var.control_plane_count)
    error_message = "control_plane_count must be 1 or 3 (etcd needs an odd quorum)."
  }
}

variable "control_plane_server_type" {
  description = "Hetzner server type of the control-plane nodes."
  type        = string
  default     = "cpx21"
  validation {
    condition     = can(regex("^(cx|cpx|cax|ccx)[0-9]+$", var.control_plane_server_type))
    error_message = "control_plane_server_type must be a Hetzner server type such as cpx21."
  }
}

variable "worker_count" {
  description = "Number of worker nodes (0: workloads run on the control planes)."
  type        = number
  default     = 2
  validation {
    condition     = var.worker_count >= 0 && var.worker_count <= 50 && floor(var.worker_count) == var.worker_count
    error_message = "worker_count must be a whole number from 0 to 50."
  }
}

variable "worker_server_type" {
  description = "Hetzner server type of the worker nodes."
  type        = string
  default     = "cpx31"
  validation {
    condition     = can(regex("^(cx|cpx|cax|ccx)[0-9]+$", var.worker_server_type))
    error_message = "worker_server_type must be a Hetzner server type such as cpx31."
  }
}

variable "image" {
  description = "Operating system image of the nodes (cloud-init and the k3s install expect Ubuntu)."
  type        = string
  default     = "ubuntu-24.04"
  validation {
    condition     = can(regex("^ubuntu-[0-9]{2}\\.04$", var.image))
    error_message = "image must be an Ubuntu LTS image such as ubuntu-24.04."
  }
}

variable "k3s_channel" {
  description = "k3s release channel installed when k3s_version is empty."
  type        = string
  default     = "v1.33"
  validation {
    condition     = can(regex("^(stable|latest|v1\\.[0-9]+)$", var.k3s_channel))
    error_message = "k3s_channel must be stable, latest or a minor channel such as v1.33."
  }
}

variable "k3s_version" {
  description = "Exact k3s version such as v1.33.5+k3s1 (pins the cluster; wins over k3s_channel)."
  type        = string
  default     = ""
  validation {
    condition     = var.k3s_version == "" || can(regex("^v1\\.[0-9]+\\.[0-9]+\\+k3s[0-9]+$", var.k3s_version))
    error_message = "k3s_version must look like v1.33.5+k3s1, or be empty."
  }
}

variable "load_balancer_type" {
  description = "Hetzner load balancer type of the ingress load balancer."
  type        = string
  default     = "lb11"
  validation {
    condition     = contains(["lb11", "lb21", "lb31"], var.load_balancer_type)
    error_message = "load_balancer_type must be lb11, lb21 or lb31."
  }
}

variable "domain" {
  description = "The platform's base domain (PLATFORM_DOMAIN): app.<domain>, api.<domain> and <slug>.<domain>."
  type        = string
  validation {
    condition     = can(regex("^([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}$", var.domain))
    error_message = "domain must be a lower-case DNS name such as mindroom.example.com."
  }
}

variable "dns_zone" {
  description = "The DNS zone (registered domain, ROOT_DOMAIN) that holds domain: domain itself or a parent of it."
  type        = string
  validation {
    condition     = var.dns_zone == var.domain || endswith(var.domain, ".${var.dns_zone}")
    error_message = "dns_zone must be domain or a parent of it."
  }
}

variable "dns_provider" {
  description = "Where Terraform keeps the app, api, apex and wildcard records: none (you point them at the output ingress_ipv4 yourself), hetzner (a zone in this Hetzner project) or porkbun."
  type        = string
  default     = "none"
  validation {
    condition     = contains(["none", "hetzner", "porkbun"], var.dns_provider)
    error_message = "dns_provider must be none, hetzner or porkbun."
  }
}

variable "dns_ttl" {
  description = "TTL of the DNS records in seconds (Porkbun's minimum is 600)."
  type        = number
  default     = 600
  validation {
    condition     = var.dns_ttl >= 60 && var.dns_ttl <= 86400
    error_message = "dns_ttl must be between 60 and 86400 seconds."
  }
}

variable "kubeconfig_path" {
  description = "Where scripts/deploy-all.sh writes the cluster's kubeconfig (reported as an output)."
  type        = string
  default     = "kubeconfig"
  validation {
    condition     = trimspace(var.kubeconfig_path) != ""
    error_message = "kubeconfig_path must not be empty."
  }
}
