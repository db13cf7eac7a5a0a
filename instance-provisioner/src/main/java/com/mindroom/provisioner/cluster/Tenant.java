package com.mindroom.provisioner.cluster;

import java.util.UUID;

/**
 * One instance as the cluster sees it: its own namespace, labelled with the account and
 * plan.
 *
 * @param instanceId the instance
 * @param accountId the owning account
 * @param plan the plan id
 * @param namespace the namespace ({@code mindroom-<slug>})
 */
public record Tenant(UUID instanceId, UUID accountId, String plan, String namespace) {

}
