terraform {
  # 1.10+: S3 state locking without DynamoDB; 1.9+: validations that refer to other variables
  required_version = ">= 1.10"

  required_providers {
    hcloud = {
      source = "hetznercloud/hcloud"
      # 1.54 brought DNS zones and record sets into the Cloud API
      version = "~> 1.54"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.7"
    }
    porkbun = {
      source  = "marcfrederick/porkbun"
      version = "~> 1.1"
    }
  }
}

provider "hcloud" {
  token = var.hcloud_token
}

# Credentials from PORKBUN_API_KEY and PORKBUN_SECRET_API_KEY (the seed's names). The provider insists on
# keys even when no record uses it, so it gets placeholders unless Porkbun holds the DNS.
provider "porkbun" {
  api_key        = var.dns_provider == "porkbun" ? null : "unused"
  secret_api_key = var.dns_provider == "porkbun" ? null : "unused"
}
