module "control_plane_config" {
  source   = "./modules/k3s-node"
  for_each = local.control_planes

  role       = "server"
  node_name  = each.key
  node_ip    = each.value.ip
  server_url = each.key == local.first_control_plane ? "" : local.join_url
  token      = random_password.k3s_token.result
  # the API certificate names the public address the kubeconfig uses (known once the server exists)
  tls_sans    = [hcloud_server.control_plane[each.key].ipv4_address]
  node_labels = { "mindroom.cloud/pool" = "control-plane" }
  node_taints = local.control_plane_taints
  k3s_channel = var.k3s_channel
  k3s_version = var.k3s_version
}

module "worker_config" {
  source   = "./modules/k3s-node"
  for_each = local.workers

  role        = "agent"
  node_name   = each.key
  node_ip     = each.value.ip
  server_url  = local.join_url
  token       = random_password.k3s_token.result
  node_labels = { "mindroom.cloud/pool" = "workers" }
  k3s_channel = var.k3s_channel
  k3s_version = var.k3s_version
}

resource "hcloud_server" "control_plane" {
  for_each           = local.control_planes
  name               = each.key
  server_type        = var.control_plane_server_type
  image              = var.image
  location           = var.location
  ssh_keys           = [hcloud_ssh_key.operator.id]
  firewall_ids       = [hcloud_firewall.nodes.id]
  placement_group_id = hcloud_placement_group.control_plane.id
  user_data          = module.control_plane_config[each.key].cloud_init
  labels             = merge(local.labels, { role = "control-plane" })

  public_net {
    ipv4_enabled = true
    ipv6_enabled = true
  }

  network {
    network_id = hcloud_network.cluster.id
    ip         = each.value.ip
  }

  depends_on = [hcloud_network_subnet.nodes]

  lifecycle {
    # a new image or user data must not silently replace a running node
    ignore_changes = [image, user_data, ssh_keys]
  }
}

resource "hcloud_server" "worker" {
  for_each           = local.workers
  name               = each.key
  server_type        = var.worker_server_type
  image              = var.image
  location           = var.location
  ssh_keys           = [hcloud_ssh_key.operator.id]
  firewall_ids       = [hcloud_firewall.nodes.id]
  placement_group_id = hcloud_placement_group.workers[0].id
  user_data          = module.worker_config[each.key].cloud_init
  labels             = merge(local.labels, { role = "worker" })

  public_net {
    ipv4_enabled = true
    ipv6_enabled = true
  }

  network {
    network_id = hcloud_network.cluster.id
    ip         = each.value.ip
  }

  depends_on = [hcloud_network_subnet.nodes]

  lifecycle {
    ignore_changes = [image, user_data, ssh_keys]
  }
}

# k3s (with its join token) is installed over SSH once cloud-init has prepared the node; the first control
# plane starts the cluster, then the other control planes join it, then the workers.
resource "terraform_data" "k3s_first_control_plane" {
  triggers_replace = [hcloud_server.control_plane[local.first_control_plane].id]

  connection {
    host        = hcloud_server.control_plane[local.first_control_plane].ipv4_address
    user        = "root"
    private_key = file(pathexpand(var.ssh_private_key_file))
    timeout     = "10m"
  }

  provisioner "remote-exec" {
    inline = ["mkdir -p /etc/rancher/k3s"]
  }

  provisioner "file" {
    content     = module.control_plane_config[local.first_control_plane].k3s_config
    destination = "/etc/rancher/k3s/config.yaml"
  }

  provisioner "remote-exec" {
    inline = concat(["chmod 600 /etc/rancher/k3s/config.yaml"], module.control_plane_config[local.first_control_plane].install_commands)
  }
}

resource "terraform_data" "k3s_control_plane" {
  for_each         = { for name, node in local.control_planes : name => node if name != local.first_control_plane }
  triggers_replace = [hcloud_server.control_plane[each.key].id]

  connection {
    host        = hcloud_server.control_plane[each.key].ipv4_address
    user        = "root"
    private_key = file(pathexpand(var.ssh_private_key_file))
    timeout     = "10m"
  }

  provisioner "remote-exec" {
    inline = ["mkdir -p /etc/rancher/k3s"]
  }

  provisioner "file" {
    content     = module.control_plane_config[each.key].k3s_config
    destination = "/etc/rancher/k3s/config.yaml"
  }

  provisioner "remote-exec" {
    inline = concat(["chmod 600 /etc/rancher/k3s/config.yaml"], module.control_plane_config[each.key].install_commands)
  }

  depends_on = [terraform_data.k3s_first_control_plane]
}

resource "terraform_data" "k3s_worker" {
  for_each         = local.workers
  triggers_replace = [hcloud_server.worker[each.key].id]

  connection {
    host        = hcloud_server.worker[each.key].ipv4_address
    user        = "root"
    private_key = file(pathexpand(var.ssh_private_key_file))
    timeout     = "10m"
  }

  provisioner "remote-exec" {
    inline = ["mkdir -p /etc/rancher/k3s"]
  }

  provisioner "file" {
    content     = module.worker_config[each.key].k3s_config
    destination = "/etc/rancher/k3s/config.yaml"
  }

  provisioner "remote-exec" {
    inline = concat(["chmod 600 /etc/rancher/k3s/config.yaml"], module.worker_config[each.key].install_commands)
  }

  depends_on = [terraform_data.k3s_first_control_plane, terraform_data.k3s_control_plane]
}
