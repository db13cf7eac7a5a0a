package com.mindroom.provisioner.reconcile;

/**
 * What one pass applied to an instance.
 *
 * @param chartVersion the chart's version
 * @param valuesHash the hash of the values
 * @param release the release name the chart was rendered as
 * @param inventory the applied objects
 * @param reprovisioned whether the objects were created again from scratch
 */
record Applied(String chartVersion, String valuesHash, String release, Inventory inventory, boolean reprovisioned) {

}
