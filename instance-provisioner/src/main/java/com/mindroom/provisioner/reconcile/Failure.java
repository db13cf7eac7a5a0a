package com.mindroom.provisioner.reconcile;

import java.time.Duration;

/**
 * How a failed pass counts: when it is retried and what the instance's history says.
 *
 * @param attempt the failed attempt's number since the last success
 * @param exhausted whether the attempts are used up, so the instance is marked
 * {@code error}
 * @param retryIn when the next attempt happens
 * @param message the error event's message
 * @param errorMessage the message of the transition to {@code error}
 */
record Failure(int attempt, boolean exhausted, Duration retryIn, String message, String errorMessage) {

}
