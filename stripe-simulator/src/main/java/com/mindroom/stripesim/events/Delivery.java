package com.mindroom.stripesim.events;

import java.time.Instant;

/**
 * One queued delivery of an event.
 *
 * @param id the delivery's id (queue order)
 * @param eventId the event
 * @param eventType the event's type
 * @param status {@code pending}, {@code delivered} or {@code failed} (given up)
 * @param attempts how many times it was sent
 * @param nextAttemptAt when it is sent next, while pending
 * @param lastStatus the HTTP status of the last attempt, if one was received
 * @param lastError what went wrong in the last attempt, if anything
 * @param createdAt when it was queued
 */
public record Delivery(long id, String eventId, String eventType, String status, int attempts, Instant nextAttemptAt,
		Integer lastStatus, String lastError, Instant createdAt) {

}
