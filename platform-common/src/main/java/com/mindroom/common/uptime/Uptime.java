package com.mindroom.common.uptime;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The share of health checks that found an instance (or the fleet) up, over the last 24
 * hours, 7 days and 30 days; {@code null} for a window without any check.
 *
 * @param last24Hours up checks ÷ checks in the last 24 hours (0 to 1)
 * @param last7Days the same over 7 days
 * @param last30Days the same over 30 days
 */
public record Uptime(Double last24Hours, Double last7Days, Double last30Days) {

	/** No check in any window. */
	public static final Uptime UNKNOWN = new Uptime(null, null, null);

	/**
	 * A share as people read it, rounded down so that anything short of every check up
	 * never shows as 100%.
	 * @param share the share (0 to 1), or {@code null}
	 * @return for example {@code 99.95%}, or {@code no data}
	 */
	public static String percent(Double share) {
		if (share == null) {
			return "no data";
		}
		return BigDecimal.valueOf(share * 100).setScale(2, RoundingMode.FLOOR).toPlainString() + "%";
	}

	public String day() {
		return percent(this.last24Hours);
	}

	public String week() {
		return percent(this.last7Days);
	}

	public String month() {
		return percent(this.last30Days);
	}

}
