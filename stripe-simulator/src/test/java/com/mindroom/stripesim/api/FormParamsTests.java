package com.mindroom.stripesim.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.mindroom.stripesim.billing.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Stripe's bracketed form parameters, as stripe-java and people send them.
 */
class FormParamsTests {

	@Test
	void readsNestedMapsAndIndexedLists() {
		FormParams params = params(Map.of("line_items[0][price]", new String[] { "price_a" }, "line_items[0][quantity]",
				new String[] { "1" }, "subscription_data[metadata][account_id]", new String[] { "42" },
				"subscription_data[trial_period_days]", new String[] { "14" }));
		assertThat(params.text("line_items", "0", "price")).isEqualTo("price_a");
		assertThat(params.integer("line_items", "0", "quantity")).isEqualTo(1L);
		assertThat(params.stringMap("subscription_data", "metadata")).containsExactly(Map.entry("account_id", "42"));
		assertThat(params.integer("subscription_data", "trial_period_days")).isEqualTo(14L);
		assertThat(params.entries("line_items")).hasSize(1);
	}

	@Test
	void readsListsWithEmptyAndNumberedBrackets() {
		assertThat(params(Map.of("types[]", new String[] { "a.b", "c.d" })).strings("types")).containsExactly("a.b",
				"c.d");
		Map<String, String[]> numbered = new LinkedHashMap<>();
		numbered.put("expand[1]", new String[] { "second" });
		numbered.put("expand[0]", new String[] { "first" });
		assertThat(params(numbered).strings("expand")).containsExactly("first", "second");
		assertThat(params(Map.of("expand", new String[] { "" })).strings("expand")).isEmpty();
	}

	@Test
	void anEmptyMetadataValueRemovesTheKey() {
		FormParams params = params(Map.of("metadata[plan]", new String[] { "" }, "created[gt]", new String[] { "5" }));
		assertThat(params.stringMap("metadata")).containsEntry("plan", "");
		assertThat(params.integer("created", "gt")).isEqualTo(5L);
		assertThat(params.stringMap("metadata_absent")).isNull();
	}

	@Test
	void namesTheParameterOfAWrongValue() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> params(Map.of("limit", new String[] { "ten" })).integer("limit"))
			.satisfies((ex) -> assertThat(ex.param()).isEqualTo("limit"));
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(
				() -> params(Map.of("cancel_at_period_end", new String[] { "yes" })).bool("cancel_at_period_end"));
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> params(Map.of("metadata[a][b]", new String[] { "x" })).stringMap("metadata"))
			.satisfies((ex) -> assertThat(ex.param()).isEqualTo("metadata"));
		assertThat(List.of(FormParams.name("items", "0", "price"))).containsExactly("items[0][price]");
	}

	private static FormParams params(Map<String, String[]> values) {
		return FormParams.of(values);
	}

}
