package com.mindroom.admin.stripe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shows a Stripe payload to admins with every secret-looking value replaced: client
 * secrets, tokens, keys, signatures, bank and card details. The stored payload is never
 * changed.
 */
final class PayloadRedaction {

	static final String REDACTED = "[redacted]";

	private static final Pattern SECRET_KEY = Pattern
		.compile("(?i).*(secret|password|token|api_?key|authorization|signature|cvc|iban|account_number|routing_number|"
				+ "fingerprint|ssn|tax_id|id_number).*");

	private PayloadRedaction() {
	}

	/**
	 * Redacts a payload and pretty-prints it.
	 * @param json the JSON mapper
	 * @param payload the stored payload
	 * @return the redacted payload, indented
	 */
	static String redact(JsonMapper json, String payload) {
		JsonNode tree = json.readTree(payload);
		redact(tree);
		return json.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
	}

	private static void redact(JsonNode node) {
		if (node instanceof ObjectNode object) {
			List<String> names = new ArrayList<>();
			for (Map.Entry<String, JsonNode> property : object.properties()) {
				names.add(property.getKey());
			}
			for (String name : names) {
				JsonNode value = object.get(name);
				if (SECRET_KEY.matcher(name).matches() && !value.isNull() && !value.isContainer()) {
					object.put(name, REDACTED);
				}
				else {
					redact(value);
				}
			}
		}
		else if (node instanceof ArrayNode array) {
			array.forEach(PayloadRedaction::redact);
		}
	}

}
