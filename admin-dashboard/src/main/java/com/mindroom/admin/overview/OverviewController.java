package com.mindroom.admin.overview;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.mindroom.admin.alert.AlertIncidents;
import com.mindroom.admin.overview.SvgCharts.Bar;
import com.mindroom.admin.web.AdminPage;
import com.mindroom.common.uptime.UptimeQueries;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The overview page: the business, the fleet's uptime and the open alert incidents at a
 * glance, with its charts drawn on the server.
 */
@Controller
@AdminPage
class OverviewController {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d");

	private static final Map<String, String> STATE_COLORS = Map.of("running", "#198754", "degraded", "#fd7e14", "error",
			"#dc3545", "suspended", "#6c757d", "deleted", "#adb5bd");

	private final BusinessMetrics metrics;

	private final UptimeQueries uptime;

	private final AlertIncidents incidents;

	OverviewController(BusinessMetrics metrics, UptimeQueries uptime, AlertIncidents incidents) {
		this.metrics = metrics;
		this.uptime = uptime;
		this.incidents = incidents;
	}

	@GetMapping("/admin")
	String overview(Model model) {
		Metrics current = this.metrics.compute();
		model.addAttribute("metrics", current);
		model.addAttribute("mrr", Money.format(current.mrr()));
		model.addAttribute("trialMrr", Money.format(current.trialMrr()));
		model.addAttribute("lostMrr", Money.format(current.churn().lostMrr()));
		model.addAttribute("churnRate", String.format(java.util.Locale.ROOT, "%.1f%%", current.churn().rate()));
		model.addAttribute("signUpChart",
				SvgCharts.columns("Sign-ups per day, last 30 days", signUpBars(current), 560, 160));
		model.addAttribute("stateChart", SvgCharts.rows("Instances by observed state", stateBars(current), 560));
		model.addAttribute("fleetUptime", this.uptime.fleet());
		model.addAttribute("openIncidents", this.incidents.openCount());
		return "overview";
	}

	private static List<Bar> signUpBars(Metrics metrics) {
		return metrics.signUps().stream().map((day) -> new Bar(DAY.format(day.day()), day.count(), "#0d6efd")).toList();
	}

	private static List<Bar> stateBars(Metrics metrics) {
		return metrics.instancesByState()
			.entrySet()
			.stream()
			.map((entry) -> new Bar(entry.getKey(), entry.getValue(),
					STATE_COLORS.getOrDefault(entry.getKey(), "#0dcaf0")))
			.toList();
	}

}
