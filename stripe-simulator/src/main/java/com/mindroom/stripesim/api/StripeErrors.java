package com.mindroom.stripesim.api;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Stripe's error body: {@code {"error": {"type", "code", "message", "param"}}}.
 */
final class StripeErrors {

	private StripeErrors() {
	}

	static ObjectNode body(String type, String code, String message, String param) {
		ObjectNode body = JsonNodeFactory.instance.objectNode();
		ObjectNode error = body.putObject("error");
		if (code != null) {
			error.put("code", code);
		}
		error.put("message", message);
		if (param != null) {
			error.put("param", param);
		}
		error.put("type", type);
		return body;
	}

	static ResponseEntity<ObjectNode> response(HttpStatus status, String type, String code, String message,
			String param) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body(type, code, message, param));
	}

	static ResponseEntity<ObjectNode> invalidRequest(HttpStatus status, String message, String param) {
		return response(status, "invalid_request_error", null, message, param);
	}

}
