package com.mindroom.admin.support;

import com.mindroom.admin.support.AdminClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assertions on problem-detail answers.
 */
public final class ProblemAssertions {

	private ProblemAssertions() {
	}

	public static void assertProblem(Response response, int status, String slug) {
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.body()).contains("/problems/" + slug);
	}

}
