package com.mindroom.common.lifecycle;

import java.time.Instant;

/**
 * What the lifecycle decided for an instance, why, and when the decision may change by
 * time alone.
 *
 * @param desired the state the instance should be in
 * @param reason a short human-readable reason (shown to customers and admins)
 * @param entitled whether the subscription entitles the instance to run (regardless of
 * holds)
 * @param reviewAt when the passing of time alone will change the decision (a trial,
 * grace, period or retention ending), or {@code null} if it will not
 */
public record LifecycleDecision(DesiredState desired, String reason, boolean entitled, Instant reviewAt) {

}
