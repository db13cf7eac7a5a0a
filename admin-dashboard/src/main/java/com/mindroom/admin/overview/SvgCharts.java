package com.mindroom.admin.overview;

import java.util.List;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

/**
 * Draws the overview's charts as inline SVG on the server: no chart library, no script,
 * nothing the strict content security policy would block. Each bar carries a
 * {@code <title>} with its exact value.
 */
public final class SvgCharts {

	private static final int LABEL_WIDTH = 110;

	private SvgCharts() {
	}

	/**
	 * Vertical bars, for a series over time.
	 * @param title the chart's accessible name
	 * @param bars the bars, left to right
	 * @param width the width in pixels
	 * @param height the height in pixels
	 * @return the SVG element
	 */
	public static String columns(String title, List<Bar> bars, int width, int height) {
		long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
		int top = 16;
		int bottom = 22;
		int plot = height - top - bottom;
		double step = (double) width / Math.max(1, bars.size());
		StringBuilder svg = open(title, width, height);
		svg.append(text(2, 11, "start", "max " + max));
		for (int i = 0; i < bars.size(); i++) {
			Bar bar = bars.get(i);
			double h = (double) plot * bar.value() / max;
			double x = i * step + step * 0.15;
			svg.append(rect(x, top + plot - h, step * 0.7, h, bar));
		}
		svg.append("<line x1=\"0\" x2=\"")
			.append(width)
			.append("\" y1=\"")
			.append(top + plot)
			.append("\" y2=\"")
			.append(top + plot)
			.append("\" stroke=\"#adb5bd\"/>");
		if (!bars.isEmpty()) {
			svg.append(text(0, height - 6, "start", bars.get(0).label()));
			svg.append(text(width, height - 6, "end", bars.get(bars.size() - 1).label()));
		}
		return svg.append("</svg>").toString();
	}

	/**
	 * Horizontal bars with a label and the value beside each, for counts per category.
	 * @param title the chart's accessible name
	 * @param bars the bars, top to bottom
	 * @param width the width in pixels
	 * @return the SVG element
	 */
	public static String rows(String title, List<Bar> bars, int width) {
		int rowHeight = 22;
		int height = Math.max(rowHeight, bars.size() * rowHeight);
		long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
		int plot = width - LABEL_WIDTH - 50;
		StringBuilder svg = open(title, width, height);
		for (int i = 0; i < bars.size(); i++) {
			Bar bar = bars.get(i);
			int y = i * rowHeight;
			double w = (double) plot * bar.value() / max;
			svg.append(text(LABEL_WIDTH - 6, y + 15, "end", bar.label()));
			svg.append(rect(LABEL_WIDTH, y + 4, Math.max(w, (bar.value() > 0) ? 2 : 0), rowHeight - 8, bar));
			svg.append(text(LABEL_WIDTH + w + 6, y + 15, "start", Long.toString(bar.value())));
		}
		return svg.append("</svg>").toString();
	}

	private static StringBuilder open(String title, int width, int height) {
		return new StringBuilder()
			.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"")
			.append(width)
			.append("\" height=\"")
			.append(height)
			.append("\" viewBox=\"0 0 ")
			.append(width)
			.append(' ')
			.append(height)
			.append("\" aria-label=\"")
			.append(escape(title))
			.append("\"><title>")
			.append(escape(title))
			.append("</title>");
	}

	private static String rect(double x, double y, double w, double h, Bar bar) {
		return String.format(Locale.ROOT,
				"<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s: %d</title></rect>",
				x, y, w, h, bar.color(), escape(bar.label()), bar.value());
	}

	private static String text(double x, double y, String anchor, String value) {
		return String.format(Locale.ROOT,
				"<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"11\" fill=\"#495057\">%s</text>", x, y,
				anchor, escape(value));
	}

	private static String escape(String value) {
		return HtmlUtils.htmlEscape((value != null) ? value : "");
	}

	/**
	 * One bar.
	 *
	 * @param label what it counts
	 * @param value the count
	 * @param color its fill colour
	 */
	public record Bar(String label, long value, String color) {

	}

}
