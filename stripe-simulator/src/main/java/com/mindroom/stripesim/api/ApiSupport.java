package com.mindroom.stripesim.api;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import com.mindroom.stripesim.billing.InvalidRequestException;
import com.mindroom.stripesim.catalog.Catalog;
import com.mindroom.stripesim.clock.SimulatedTime;
import com.mindroom.stripesim.store.ListQuery;
import com.mindroom.stripesim.store.ObjectStore;
import com.mindroom.stripesim.store.StoredObject;
import com.mindroom.stripesim.system.SimulatorProperties;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What the API controllers share: the simulated time, the hosted pages' base URL,
 * Stripe's list parameters and list objects, and {@code expand[]}.
 */
@Component
class ApiSupport {

	private static final int MAX_LIMIT = 100;

	private final ObjectStore store;

	private final Catalog catalog;

	private final SimulatedTime time;

	private final SimulatorProperties properties;

	ApiSupport(ObjectStore store, Catalog catalog, SimulatedTime time, SimulatorProperties properties) {
		this.store = store;
		this.catalog = catalog;
		this.time = time;
		this.properties = properties;
	}

	ObjectStore store() {
		return this.store;
	}

	long now() {
		return this.time.nowSeconds();
	}

	FormParams params(HttpServletRequest request) {
		return FormParams.of(request.getParameterMap());
	}

	/**
	 * The base URL of the hosted pages: the configured public URL, or the one this
	 * request came in on.
	 */
	String pagesUrl() {
		return (this.properties.publicUrl() != null) ? this.properties.publicUrl()
				: ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}

	/**
	 * Reads {@code limit}, {@code starting_after} and {@code ending_before}.
	 */
	ListQuery listQuery(String type, FormParams params) {
		Long limit = params.integer("limit");
		if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
			throw new InvalidRequestException("Invalid limit: must be between 1 and 100", "limit");
		}
		String after = params.text("starting_after");
		String before = params.text("ending_before");
		requireCursor(after, "starting_after");
		requireCursor(before, "ending_before");
		return ListQuery.of(type, (limit != null) ? limit.intValue() : 10).withCursor(after, before);
	}

	private void requireCursor(String id, String param) {
		if (id != null && !this.store.exists(id)) {
			throw new InvalidRequestException("No such object: '" + id + "'", param);
		}
	}

	/**
	 * A list object of stored objects, expanded as asked.
	 */
	ObjectNode list(String url, ListQuery.Page page, FormParams params) {
		return list(url, page.data().stream().map(StoredObject::doc).toList(), page.hasMore(), params);
	}

	ObjectNode list(String url, List<ObjectNode> data, boolean hasMore, FormParams params) {
		ObjectNode list = JsonNodeFactory.instance.objectNode();
		list.put("object", "list");
		ArrayNode array = list.putArray("data");
		data.forEach((doc) -> array.add(doc.deepCopy()));
		list.put("has_more", hasMore);
		list.put("url", url);
		return expand(list, params);
	}

	/**
	 * Applies {@code expand[]}: each dotted path that ends at an id is replaced by that
	 * object ({@code data.} paths reach into a list's objects).
	 */
	ObjectNode expand(ObjectNode doc, FormParams params) {
		ObjectNode copy = doc.deepCopy();
		for (String path : params.strings("expand")) {
			expandPath(copy, Arrays.asList(path.split("\\.")));
		}
		return copy;
	}

	private void expandPath(JsonNode node, List<String> path) {
		if (node instanceof ArrayNode array) {
			array.forEach((element) -> expandPath(element, path));
			return;
		}
		if (!(node instanceof ObjectNode object) || path.isEmpty()) {
			return;
		}
		JsonNode child = object.get(path.get(0));
		if (path.size() > 1) {
			expandPath(child, path.subList(1, path.size()));
		}
		else if (child != null && child.isString()) {
			lookUp(child.stringValue()).ifPresent((found) -> object.set(path.get(0), found));
		}
	}

	private Optional<ObjectNode> lookUp(String id) {
		return this.store.findById(id)
			.map(StoredObject::doc)
			.or(() -> this.catalog.price(id))
			.or(() -> this.catalog.product(id));
	}

}
