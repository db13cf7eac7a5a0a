package com.mindroom.stripesim.events;

/**
 * Published when events were queued for delivery, so the delivery worker wakes once the
 * transaction commits.
 */
record EventsQueued() {

}
