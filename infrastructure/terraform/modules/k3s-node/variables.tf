variable "role" {
  description = "k3s role of the node: server (control plane) or agent (worker)."
  type        = string
  validation {
    condition     = contains(["server", "agent"], var.role)
    error_message = "role must be server or agent."
  }
}

variable "node_name" {
  description = "Kubernetes node name (the Hetzner server name, which the cloud controller matches)."
  type        = string
}

variable "node_ip" {
  description = "The node's address in the private network; k3s and flannel talk over it."
  type        = string
  validation {
    condition     = can(cidrhost("${var.node_ip}/32", 0))
    error_message = "node_ip must be an IPv4 address."
  }
}

variable "server_url" {
  description = "https://<first control plane private IP>:6443 for every node but the first control plane, which starts the cluster (empty)."
  type        = string
  default     = ""
}

variable "token" {
  description = "Cluster join token shared by all nodes."
  type        = string
  sensitive   = true
  validation {
    condition     = length(var.token) >= 32
    error_message = "token must have at least 32 characters."
  }
}

variable "tls_sans" {
  description = "Extra names and addresses of the API server certificate (public IPs, DNS names)."
  type        = list(string)
  default     = []
}

variable "node_labels" {
  description = "Kubernetes labels of the node."
  type        = map(string)
  default     = {}
}

variable "node_taints" {
  description = "Kubernetes taints of the node, as key=value:Effect."
  type        = list(string)
  default     = []
}

variable "k3s_channel" {
  description = "k3s release channel installed when k3s_version is empty, e.g. v1.33."
  type        = string
  default     = "v1.33"
}

variable "k3s_version" {
  description = "Exact k3s version (e.g. v1.33.5+k3s1); wins over k3s_channel when set."
  type        = string
  default     = ""
}
