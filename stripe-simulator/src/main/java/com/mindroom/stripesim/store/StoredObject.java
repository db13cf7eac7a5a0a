package com.mindroom.stripesim.store;

import tools.jackson.databind.node.ObjectNode;

/**
 * One stored Stripe object.
 *
 * @param id the Stripe id
 * @param type the object type ({@code customer}, {@code subscription}, {@code event}...)
 * @param doc the object as the API serves it
 * @param sim simulator-internal state that the API never serves
 */
public record StoredObject(String id, String type, ObjectNode doc, ObjectNode sim) {

}
