package com.mindroom.gateway.tracing;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.mindroom.gateway.client.ClientAddresses;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access log keeps query parameters readable but never their secret values.
 */
class AccessLogTests {

	private final AccessLog log = new AccessLog(
			new AccessLogProperties(List.of("token", "code", "password", "secret", "key", "signature")),
			new ClientAddresses(List.of()));

	@Test
	void redactsSensitiveParameterValues() {
		assertThat(this.log.query("page=2&reset_token=abc&Code=123&api_key=k&q=hello"))
			.isEqualTo("?page=2&reset_token=***&Code=***&api_key=***&q=hello");
	}

	@Test
	void keepsQueriesWithoutSecretsAndBoundsTheirLength() {
		assertThat(this.log.query(null)).isEmpty();
		assertThat(this.log.query("flag")).isEqualTo("?flag");
		assertThat(this.log.query("q=" + "x".repeat(2000))).hasSize(515).endsWith("...");
	}

}
