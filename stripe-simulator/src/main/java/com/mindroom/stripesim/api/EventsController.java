package com.mindroom.stripesim.api;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.node.ObjectNode;

import com.mindroom.stripesim.billing.InvalidRequestException;
import com.mindroom.stripesim.store.ListQuery;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/events}: list (newest first; by {@code type}, {@code types[]} and
 * {@code created} ranges) and retrieve.
 */
@RestController
@RequestMapping("/v1/events")
class EventsController {

	private static final int MAX_TYPES = 20;

	private final ApiSupport api;

	EventsController(ApiSupport api) {
		this.api = api;
	}

	@GetMapping
	ObjectNode list(HttpServletRequest request) {
		FormParams params = this.api.params(request);
		List<String> types = new ArrayList<>(params.strings("types"));
		String type = params.text("type");
		if (type != null && !types.isEmpty()) {
			throw new InvalidRequestException("You may only specify one of these parameters: type, types.", "types");
		}
		if (type != null) {
			types.add(type);
		}
		if (types.size() > MAX_TYPES) {
			throw new InvalidRequestException("You may pass at most 20 types.", "types");
		}
		ListQuery query = this.api.listQuery("event", params).withEvents(types, created(params));
		return this.api.list("/v1/events", this.api.store().list(query), params);
	}

	private static ListQuery.Range created(FormParams params) {
		if (params.stringMap("created") == null) {
			Long exact = params.integer("created");
			return (exact != null) ? new ListQuery.Range(null, exact, null, exact) : ListQuery.Range.ANY;
		}
		return new ListQuery.Range(params.integer("created", "gt"), params.integer("created", "gte"),
				params.integer("created", "lt"), params.integer("created", "lte"));
	}

	@GetMapping("/{id}")
	ObjectNode retrieve(@PathVariable String id, HttpServletRequest request) {
		return this.api.expand(this.api.store().require("event", id).doc(), this.api.params(request));
	}

}
