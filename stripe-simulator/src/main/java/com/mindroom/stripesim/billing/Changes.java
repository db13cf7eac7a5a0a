package com.mindroom.stripesim.billing;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Small helpers for changing documents the way Stripe does.
 */
final class Changes {

	private Changes() {
	}

	/**
	 * The values the changed top-level fields had before, for an event's
	 * {@code previous_attributes}.
	 * @param before the object before the change
	 * @param after the object after it
	 * @return the changed fields' old values
	 */
	static ObjectNode previous(ObjectNode before, ObjectNode after) {
		ObjectNode previous = JsonNodeFactory.instance.objectNode();
		for (Map.Entry<String, JsonNode> field : before.properties()) {
			if (!field.getValue().equals(after.get(field.getKey()))) {
				previous.set(field.getKey(), field.getValue().deepCopy());
			}
		}
		return previous;
	}

	/**
	 * Applies metadata as Stripe does: each key is set, and an empty value removes it.
	 * @param target the object holding {@code metadata}
	 * @param metadata the keys to set or remove; {@code null} changes nothing
	 */
	static void mergeMetadata(ObjectNode target, Map<String, String> metadata) {
		if (metadata == null) {
			return;
		}
		ObjectNode current = (target.get("metadata") instanceof ObjectNode node) ? node : target.putObject("metadata");
		metadata.forEach((key, value) -> {
			if (value == null || value.isEmpty()) {
				current.remove(key);
			}
			else {
				current.put(key, value);
			}
		});
	}

}
