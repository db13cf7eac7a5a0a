package com.mindroom.common.backup;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sizes and durations read as people write them.
 */
class SizesTests {

	@Test
	void bytesInDecimalUnitsWithOneDecimal() {
		assertThat(Sizes.bytes(999)).isEqualTo("999 B");
		assertThat(Sizes.bytes(66_640)).isEqualTo("66.6 kB");
		assertThat(Sizes.bytes(12_345_678)).isEqualTo("12.3 MB");
		assertThat(Sizes.bytes(3_400_000_000_000_000L)).isEqualTo("3400.0 TB");
	}

	@Test
	void durationsInWholeHoursOrMinutes() {
		assertThat(Sizes.duration(Duration.ofHours(2))).isEqualTo("2 h");
		assertThat(Sizes.duration(Duration.ofMinutes(90))).isEqualTo("90 min");
		assertThat(Sizes.duration(Duration.ofSeconds(10))).isEqualTo("1 min");
	}

}
