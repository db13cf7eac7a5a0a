# app, api, the apex and the wildcard of the platform's domain, pointing at the ingress load balancer, in
# Hetzner DNS or at Porkbun (dns_provider); none keeps DNS with you (see the ingress_ipv4 output).
locals {
  # the domain's name inside its zone: "" when the domain is the zone itself
  domain_prefix = var.domain == var.dns_zone ? "" : trimsuffix(var.domain, ".${var.dns_zone}")
  dns_names = {
    for label in ["app", "api", "@", "*"] : label => (
      label == "@" ? (local.domain_prefix == "" ? "@" : local.domain_prefix) :
      (local.domain_prefix == "" ? label : "${label}.${local.domain_prefix}")
    )
  }
  dns_records = merge(
    { for label, name in local.dns_names : "${label}/A" => { name = name, type = "A", value = hcloud_load_balancer.ingress.ipv4 } },
    { for label, name in local.dns_names : "${label}/AAAA" => { name = name, type = "AAAA", value = hcloud_load_balancer.ingress.ipv6 } },
  )
}

data "hcloud_zone" "platform" {
  count = var.dns_provider == "hetzner" ? 1 : 0
  name  = var.dns_zone
}

resource "hcloud_zone_rrset" "platform" {
  for_each = var.dns_provider == "hetzner" ? local.dns_records : {}
  zone     = data.hcloud_zone.platform[0].name
  name     = each.value.name
  type     = each.value.type
  ttl      = var.dns_ttl
  records  = [{ value = each.value.value }]
  labels   = local.labels
}

resource "porkbun_dns_record" "platform" {
  for_each  = var.dns_provider == "porkbun" ? local.dns_records : {}
  domain    = var.dns_zone
  subdomain = each.value.name == "@" ? "" : each.value.name
  type      = each.value.type
  content   = each.value.value
  ttl       = max(var.dns_ttl, 600)
}
