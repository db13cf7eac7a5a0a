package com.mindroom.portal.usage;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.util.HtmlUtils;

/**
 * A small bar chart laid out on the server and drawn as inline SVG by the template, so
 * the dashboard needs no charting script: one bar per day and, when the plan has one, a
 * line at the limit.
 *
 * @param title what is charted
 * @param summary a sentence with the latest value against the limit (also the chart's
 * accessible description)
 * @param bars the bars
 * @param limitY where the limit line is drawn, or {@code null} when unlimited
 * @param limitLabel the limit's label
 * @param firstDay the first day's label
 * @param lastDay the last day's label
 * @param overLimit whether the latest value is at or over the limit
 */
public record BarChart(String title, String summary, List<Bar> bars, Double limitY, String limitLabel, String firstDay,
		String lastDay, boolean overLimit) {

	/**
	 * The drawing's width.
	 */
	public static final int WIDTH = 600;

	/**
	 * The drawing's height.
	 */
	public static final int HEIGHT = 160;

	private static final double TOP = 14;

	/**
	 * Lays the chart out.
	 * @param title what is charted
	 * @param labels each bar's label (the day)
	 * @param values each bar's value
	 * @param limit the limit, or {@code null} when unlimited
	 * @param unit how values are formatted
	 * @return the chart
	 */
	static BarChart of(String title, List<String> labels, List<Double> values, Double limit, Unit unit) {
		double max = Math.max(1, values.stream().mapToDouble(Double::doubleValue).max().orElse(0));
		if (limit != null) {
			max = Math.max(max, limit);
		}
		double scale = (HEIGHT - TOP) / max;
		double slot = (double) WIDTH / Math.max(1, values.size());
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			double height = values.get(i) * scale;
			bars.add(new Bar(round(i * slot + slot * 0.15), round(HEIGHT - height), round(slot * 0.7), round(height),
					labels.get(i) + ": " + unit.format(values.get(i))));
		}
		double latest = values.isEmpty() ? 0 : values.get(values.size() - 1);
		String limitText = (limit != null) ? unit.format(limit) : "unlimited";
		String summary = title + " on the latest day: " + unit.format(latest) + " of " + limitText + ".";
		return new BarChart(title, summary, bars, (limit != null) ? round(HEIGHT - limit * scale) : null,
				"Limit " + limitText, labels.isEmpty() ? "" : labels.get(0),
				labels.isEmpty() ? "" : labels.get(labels.size() - 1), limit != null && latest >= limit);
	}

	/**
	 * The bars as SVG markup, each with its label as a tooltip: written here in one piece
	 * rather than evaluated attribute by attribute in the template (a month of bars in
	 * three charts would be hundreds of expressions per page). Labels are escaped.
	 * @return the SVG elements
	 */
	public String barsMarkup() {
		StringBuilder svg = new StringBuilder(this.bars.size() * 96);
		for (Bar bar : this.bars) {
			svg.append("<rect class=\"chart-bar\" x=\"")
				.append(bar.x())
				.append("\" y=\"")
				.append(bar.y())
				.append("\" width=\"")
				.append(bar.width())
				.append("\" height=\"")
				.append(bar.height())
				.append("\"><title>")
				.append(HtmlUtils.htmlEscape(bar.title()))
				.append("</title></rect>");
		}
		return svg.toString();
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	/**
	 * One bar.
	 *
	 * @param x left edge
	 * @param y top edge
	 * @param width width
	 * @param height height
	 * @param title its label and value (the bar's tooltip)
	 */
	public record Bar(double x, double y, double width, double height, String title) {

	}

	/**
	 * How a chart's values read.
	 */
	enum Unit {

		COUNT, GIGABYTES;

		String format(double value) {
			return (this == GIGABYTES) ? String.format(java.util.Locale.ROOT, "%.2f GB", value)
					: String.format(java.util.Locale.ROOT, "%,d", Math.round(value));
		}

	}

}
