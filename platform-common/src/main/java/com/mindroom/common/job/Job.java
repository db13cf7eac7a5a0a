package com.mindroom.common.job;

import java.util.Map;
import java.util.UUID;

/**
 * A claimed job.
 *
 * @param id the job id
 * @param kind what kind of work it is
 * @param payload its parameters
 * @param attempts how many times it has been claimed, this claim included
 * @param maxAttempts after how many failed attempts it is given up
 * @param requestedBy the account that asked for it, if any
 */
public record Job(UUID id, String kind, Map<String, Object> payload, int attempts, int maxAttempts, UUID requestedBy) {

}
