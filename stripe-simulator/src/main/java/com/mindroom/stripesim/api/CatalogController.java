package com.mindroom.stripesim.api;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.node.ObjectNode;

import com.mindroom.stripesim.catalog.Catalog;
import com.mindroom.stripesim.store.NoSuchObjectException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/prices} (by {@code lookup_keys[]} or {@code product}) and
 * {@code /v1/products}: the platform's plan catalog. The catalog is small, so a list is
 * one page.
 */
@RestController
class CatalogController {

	private final ApiSupport api;

	private final Catalog catalog;

	CatalogController(ApiSupport api, Catalog catalog) {
		this.api = api;
		this.catalog = catalog;
	}

	@GetMapping("/v1/prices")
	ObjectNode prices(HttpServletRequest request) {
		FormParams params = this.api.params(request);
		Set<String> lookupKeys = Set.copyOf(params.strings("lookup_keys"));
		String product = params.text("product");
		List<ObjectNode> prices = this.catalog.prices()
			.stream()
			.filter((price) -> lookupKeys.isEmpty() || lookupKeys.contains(price.get("lookup_key").stringValue()))
			.filter((price) -> product == null || product.equals(price.get("product").stringValue()))
			.toList();
		return this.api.list("/v1/prices", prices, false, params);
	}

	@GetMapping("/v1/prices/{id}")
	ObjectNode price(@PathVariable String id, HttpServletRequest request) {
		return this.api.expand(this.catalog.price(id).orElseThrow(() -> new NoSuchObjectException("price", id)),
				this.api.params(request));
	}

	@GetMapping("/v1/products")
	ObjectNode products(HttpServletRequest request) {
		return this.api.list("/v1/products", this.catalog.products(), false, this.api.params(request));
	}

	@GetMapping("/v1/products/{id}")
	ObjectNode product(@PathVariable String id, HttpServletRequest request) {
		return this.api.expand(this.catalog.product(id).orElseThrow(() -> new NoSuchObjectException("product", id)),
				this.api.params(request));
	}

}
