package com.mindroom.portal.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only paths of the signed-in portal are followed after sign-in.
 */
class RedirectTargetsTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "NULL",
			value = { "/app|/app", "/app/billing|/app/billing", "/app/billing?plan=starter|/app/billing?plan=starter",
					"NULL|/app", "''|/app", "//evil.example|/app", "https://evil.example/app|/app",
					"/\\evil.example|/app", "/app/../admin|/app", "/apple|/app", "/app/%0d%0aSet-Cookie:x|/app",
					"javascript:alert(1)|/app", "/admin|/app" })
	void keepsOnlyPortalPaths(String next, String expected) {
		assertThat(RedirectTargets.safe(next)).isEqualTo(expected);
	}

	@Test
	void refusesLineBreaks() {
		assertThat(RedirectTargets.safe("/app\r\nLocation: https://evil.example")).isEqualTo("/app");
	}

}
