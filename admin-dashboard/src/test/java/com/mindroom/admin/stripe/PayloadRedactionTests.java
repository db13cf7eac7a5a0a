package com.mindroom.admin.stripe;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payloads are shown with every secret-looking value replaced, at any depth.
 */
class PayloadRedactionTests {

	@Test
	void redactsSecretsAtAnyDepthAndKeepsTheRest() {
		String payload = """
				{"id":"evt_1","data":{"object":{"id":"pi_1","client_secret":"pi_1_secret_x","amount":2900,
				"charges":[{"payment_method_details":{"card":{"last4":"4242","fingerprint":"fp_abc"}}}],
				"metadata":{"api_key":"sk_live_123","note":"hello"}}}}
				""";
		String shown = PayloadRedaction.redact(JsonMapper.builder().build(), payload);
		assertThat(shown).doesNotContain("pi_1_secret_x").doesNotContain("fp_abc").doesNotContain("sk_live_123");
		assertThat(shown).contains("\"pi_1\"")
			.contains("2900")
			.contains("4242")
			.contains("hello")
			.contains("[redacted]");
	}

}
