package com.mindroom.provisioner.chart;

import java.util.Map;

/**
 * The chart values of one instance and their hash, recorded on the instance so a change
 * (a new plan, a restart, a new platform setting) is rolled out by the normal reconcile.
 *
 * @param values the values, as nested maps in a stable order
 * @param hash the SHA-256 of their canonical JSON, in hex
 */
public record ChartValues(Map<String, Object> values, String hash) {

}
