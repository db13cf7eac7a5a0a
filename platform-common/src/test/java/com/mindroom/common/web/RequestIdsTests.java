package com.mindroom.common.web;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated request ids are well-formed random UUIDs that the convention accepts back,
 * and a well-formed incoming id is kept.
 */
class RequestIdsTests {

	@Test
	void generatesDistinctVersion4Uuids() {
		Set<String> ids = IntStream.range(0, 10_000)
			.mapToObj((i) -> RequestIds.accept(null))
			.collect(Collectors.toSet());

		assertThat(ids).hasSize(10_000);
		assertThat(ids).allSatisfy((id) -> {
			UUID uuid = UUID.fromString(id);
			assertThat(uuid.version()).isEqualTo(4);
			assertThat(uuid.variant()).isEqualTo(2);
			assertThat(RequestIds.accept(id)).isSameAs(id);
		});
	}

	@Test
	void keepsAWellFormedIncomingId() {
		assertThat(RequestIds.accept("gw-3f2a9c1e-77")).isEqualTo("gw-3f2a9c1e-77");
	}

}
