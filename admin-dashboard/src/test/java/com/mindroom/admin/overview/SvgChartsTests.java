package com.mindroom.admin.overview;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.mindroom.admin.overview.SvgCharts.Bar;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overview's charts: one bar per value, scaled to the largest, labels escaped, no
 * inline style.
 */
class SvgChartsTests {

	@Test
	void drawsOneScaledColumnPerValue() {
		String svg = SvgCharts.columns("Sign-ups", List.of(new Bar("Jan 1", 2, "#00f"), new Bar("Jan 2", 4, "#00f")),
				200, 100);
		assertThat(svg.split("<rect ", -1)).hasSize(3);
		assertThat(svg).contains("<title>Jan 2: 4</title>").contains("height=\"62.0\"").contains("height=\"31.0\"");
		assertThat(svg).doesNotContain("style=");
	}

	@Test
	void drawsRowsWithEscapedLabels() {
		String svg = SvgCharts.rows("States",
				List.of(new Bar("<b>error</b>", 3, "#f00"), new Bar("running", 0, "#0f0")), 300);
		assertThat(svg).contains("&lt;b&gt;error&lt;/b&gt;").doesNotContain("<b>");
		assertThat(svg).contains(">3</text>").contains(">0</text>");
	}

}
