package com.mindroom.stripesim.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mindroom.stripesim.billing.InvalidRequestException;

/**
 * Stripe's form-encoded parameters read into a tree: {@code metadata[account_id]},
 * {@code line_items[0][price]}, {@code types[]} and {@code expand[0]} become nested maps
 * (a map with index keys is a list). Typed reads answer a wrong value with an
 * {@code invalid_request_error} naming the parameter.
 */
final class FormParams {

	private final Map<String, Object> root = new LinkedHashMap<>();

	private FormParams() {
	}

	static FormParams of(Map<String, String[]> parameters) {
		FormParams params = new FormParams();
		parameters.forEach((key, values) -> {
			for (String value : values) {
				params.put(key, value);
			}
		});
		return params;
	}

	@SuppressWarnings("unchecked")
	private void put(String key, String value) {
		List<String> path = path(key);
		Map<String, Object> node = this.root;
		for (int i = 0; i < path.size() - 1; i++) {
			String segment = segment(node, path.get(i));
			Object child = node.get(segment);
			if (!(child instanceof Map)) {
				child = new LinkedHashMap<String, Object>();
				node.put(segment, child);
			}
			node = (Map<String, Object>) child;
		}
		node.put(segment(node, path.get(path.size() - 1)), value);
	}

	private static String segment(Map<String, Object> node, String segment) {
		return segment.isEmpty() ? Integer.toString(node.size()) : segment;
	}

	private static List<String> path(String key) {
		int bracket = key.indexOf('[');
		if (bracket < 0) {
			return List.of(key);
		}
		List<String> path = new ArrayList<>();
		path.add(key.substring(0, bracket));
		for (String part : key.substring(bracket + 1).split("\\]\\[?", -1)) {
			path.add(part);
		}
		if (path.size() > 1 && path.get(path.size() - 1).isEmpty() && key.endsWith("]")) {
			path.remove(path.size() - 1);
		}
		return path;
	}

	private Object get(String... keys) {
		Object node = this.root;
		for (String key : keys) {
			if (!(node instanceof Map<?, ?> map)) {
				return null;
			}
			node = map.get(key);
		}
		return node;
	}

	/**
	 * A text parameter; an empty value reads as empty text.
	 * @param keys the path ({@code "subscription_data", "trial_period_days"})
	 * @return the value, or {@code null} when absent
	 */
	String string(String... keys) {
		Object value = get(keys);
		if (value == null) {
			return null;
		}
		if (!(value instanceof String text)) {
			throw new InvalidRequestException("Invalid value for " + name(keys) + ": expected a string.", name(keys));
		}
		return text;
	}

	/**
	 * A text parameter, absent when empty.
	 */
	String text(String... keys) {
		String value = string(keys);
		return (value == null || value.isEmpty()) ? null : value;
	}

	Long integer(String... keys) {
		String value = text(keys);
		if (value == null) {
			return null;
		}
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new InvalidRequestException("Invalid integer: " + value, name(keys));
		}
	}

	Boolean bool(String... keys) {
		String value = text(keys);
		if (value == null) {
			return null;
		}
		return switch (value) {
			case "true" -> true;
			case "false" -> false;
			default -> throw new InvalidRequestException("Invalid boolean: " + value, name(keys));
		};
	}

	/**
	 * A map of text values, such as {@code metadata}; an empty value (as in
	 * {@code metadata=}) reads as an empty map.
	 */
	Map<String, String> stringMap(String... keys) {
		Object value = get(keys);
		if (value == null) {
			return null;
		}
		Map<String, String> result = new LinkedHashMap<>();
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, entry) -> {
				if (!(entry instanceof String text)) {
					throw new InvalidRequestException("Invalid value for " + name(keys) + "[" + key + "]", name(keys));
				}
				result.put(key.toString(), text);
			});
		}
		else if (!"".equals(value)) {
			throw new InvalidRequestException("Invalid hash for " + name(keys), name(keys));
		}
		return result;
	}

	/**
	 * A list of text values ({@code types[]=a&types[]=b} or {@code types[0]=a}).
	 */
	List<String> strings(String key) {
		Object value = get(key);
		if (value == null || "".equals(value)) {
			return List.of();
		}
		if (value instanceof String text) {
			return List.of(text);
		}
		return entries(key).stream().map((entry) -> (entry instanceof String text) ? text : invalidArray(key)).toList();
	}

	/**
	 * The entries of a list parameter in index order.
	 */
	List<Object> entries(String... keys) {
		Object value = get(keys);
		if (!(value instanceof Map<?, ?> map)) {
			return List.of();
		}
		List<Object> entries = new ArrayList<>();
		map.keySet()
			.stream()
			.map(Object::toString)
			.sorted(Comparator.comparingInt((String index) -> index(index, keys)))
			.forEach((index) -> entries.add(map.get(index)));
		return entries;
	}

	private static int index(String index, String... keys) {
		try {
			return Integer.parseInt(index);
		}
		catch (NumberFormatException ex) {
			throw new InvalidRequestException("Invalid array: " + name(keys), name(keys));
		}
	}

	private static String invalidArray(String key) {
		throw new InvalidRequestException("Invalid array: " + key, key);
	}

	static String name(String... keys) {
		StringBuilder name = new StringBuilder(keys[0]);
		for (int i = 1; i < keys.length; i++) {
			name.append('[').append(keys[i]).append(']');
		}
		return name.toString();
	}

}
