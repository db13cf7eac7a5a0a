package com.mindroom.stripesim.events;

/**
 * How events are delivered, for demos and tests of the platform's robustness.
 *
 * @param deliverTwice every event is delivered twice
 * @param outOfOrder the events due together are delivered newest first
 */
public record DeliveryOptions(boolean deliverTwice, boolean outOfOrder) {

}
