package com.mindroom.stripesim.store;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Null-safe reads of JSON documents.
 */
public final class Docs {

	private Docs() {
	}

	/**
	 * Reads a text field.
	 * @param node the object
	 * @param field the field
	 * @return its text, or {@code null} when missing or null
	 */
	public static String text(JsonNode node, String field) {
		JsonNode value = (node != null) ? node.get(field) : null;
		if (value == null || value.isNull() || value.isMissingNode()) {
			return null;
		}
		return value.isString() ? value.stringValue() : value.toString();
	}

	/**
	 * Reads a whole-number field.
	 * @param node the object
	 * @param field the field
	 * @return its value, or {@code null} when missing or null
	 */
	public static Long number(JsonNode node, String field) {
		JsonNode value = (node != null) ? node.get(field) : null;
		return (value != null && value.isNumber()) ? value.longValue() : null;
	}

	public static long number(JsonNode node, String field, long fallback) {
		Long value = number(node, field);
		return (value != null) ? value : fallback;
	}

	public static boolean flag(JsonNode node, String field) {
		JsonNode value = (node != null) ? node.get(field) : null;
		return value != null && value.isBoolean() && value.booleanValue();
	}

	/**
	 * Reads an object field.
	 * @param node the object
	 * @param field the field
	 * @return the nested object, or {@code null} when it is not one
	 */
	public static ObjectNode object(JsonNode node, String field) {
		JsonNode value = (node != null) ? node.get(field) : null;
		return (value instanceof ObjectNode object) ? object : null;
	}

	/**
	 * Reads the id an expandable field holds, whether it is an id or an expanded object.
	 * @param node the object
	 * @param field the field
	 * @return the id, or {@code null}
	 */
	public static String idOf(JsonNode node, String field) {
		JsonNode value = (node != null) ? node.get(field) : null;
		if (value instanceof ObjectNode object) {
			return text(object, "id");
		}
		return text(node, field);
	}

}
