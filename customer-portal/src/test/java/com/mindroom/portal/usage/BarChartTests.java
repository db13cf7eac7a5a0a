package com.mindroom.portal.usage;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.mindroom.portal.usage.BarChart.Unit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The usage chart's layout: bars scale to the larger of the data and the limit, the limit
 * line sits where the limit is, and the summary says the latest value against it.
 */
class BarChartTests {

	@Test
	void scalesToTheLimitWhenTheDataStaysBelowIt() {
		BarChart chart = BarChart.of("Messages", List.of("a", "b"), List.of(50.0, 100.0), 200.0, Unit.COUNT);
		assertThat(chart.bars()).hasSize(2);
		assertThat(chart.bars().get(1).height()).isEqualTo((BarChart.HEIGHT - 14) / 2.0);
		assertThat(chart.limitY()).isEqualTo(14.0);
		assertThat(chart.summary()).isEqualTo("Messages on the latest day: 100 of 200.");
		assertThat(chart.overLimit()).isFalse();
	}

	@Test
	void unlimitedPlansDrawNoLimitLine() {
		BarChart chart = BarChart.of("Storage", List.of("a"), List.of(2.5), null, Unit.GIGABYTES);
		assertThat(chart.limitY()).isNull();
		assertThat(chart.summary()).isEqualTo("Storage on the latest day: 2.50 GB of unlimited.");
		assertThat(chart.bars().get(0).y()).isEqualTo(14.0);
	}

	@Test
	void flagsTheLatestDayAtTheLimit() {
		BarChart chart = BarChart.of("Agents", List.of("a", "b"), List.of(1.0, 3.0), 3.0, Unit.COUNT);
		assertThat(chart.overLimit()).isTrue();
		assertThat(chart.bars().get(0).title()).isEqualTo("a: 1");
	}

	@Test
	void drawsEachBarWithAnEscapedTooltip() {
		BarChart chart = BarChart.of("Messages", List.of("<b>"), List.of(10.0), 10.0, Unit.COUNT);
		assertThat(chart.barsMarkup()).isEqualTo("<rect class=\"chart-bar\" x=\"90.0\" y=\"14.0\" width=\"420.0\" "
				+ "height=\"146.0\"><title>&lt;b&gt;: 10</title></rect>");
	}

	@Test
	void emptyDataStillLaysOut() {
		BarChart chart = BarChart.of("Messages", List.of(), List.of(), 100.0, Unit.COUNT);
		assertThat(chart.bars()).isEmpty();
		assertThat(chart.firstDay()).isEmpty();
	}

}
