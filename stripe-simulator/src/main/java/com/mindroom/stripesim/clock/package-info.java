/**
 * The simulator's clock: real time plus an offset that only moves forward, mirrored into
 * the platform's {@code simulated_clock} so both see the same "now".
 */
package com.mindroom.stripesim.clock;
