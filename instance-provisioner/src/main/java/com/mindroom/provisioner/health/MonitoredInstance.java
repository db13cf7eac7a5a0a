package com.mindroom.provisioner.health;

import java.util.UUID;

/**
 * An instance whose health or usage is read.
 *
 * @param id the instance id
 * @param accountId the owning account
 * @param slug the customer's slug
 * @param plan the plan id
 * @param namespace the tenant namespace
 */
public record MonitoredInstance(UUID id, UUID accountId, String slug, String plan, String namespace) {

}
