/**
 * The simulator's own controls under {@code /_sim}: the clock, payment retries, cards and
 * delivery options, as a JSON API and as a small page.
 */
package com.mindroom.stripesim.control;
