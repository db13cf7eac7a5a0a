package com.mindroom.provisioner.system;

/**
 * This replica's name in the claims it holds on instances.
 *
 * @param value the name
 */
public record ReplicaId(String value) {

}
