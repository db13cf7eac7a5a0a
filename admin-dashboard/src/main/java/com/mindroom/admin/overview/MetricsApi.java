package com.mindroom.admin.overview;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.mindroom.common.uptime.Uptime;
import com.mindroom.common.uptime.UptimeQueries;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The overview's figures as JSON, and the fleet's uptime.
 */
@RestController
@Tag(name = "Metrics", description = "Business figures: MRR, subscriptions, churn, sign-ups, instance states")
class MetricsApi {

	private final BusinessMetrics metrics;

	private final UptimeQueries uptime;

	MetricsApi(BusinessMetrics metrics, UptimeQueries uptime) {
		this.metrics = metrics;
		this.uptime = uptime;
	}

	@GetMapping("/api/admin/metrics")
	@Operation(summary = "The business at this moment",
			description = "MRR in minor units per currency (entitled subscriptions only, yearly prices divided by 12, "
					+ "trials apart), subscriptions per plan, trials, past due, churn in the last 30 days, sign-ups "
					+ "per day, instances per observed state, troubled instances and the Stripe inbox.")
	Metrics metrics() {
		return this.metrics.compute();
	}

	@GetMapping("/api/admin/metrics/uptime")
	@Operation(summary = "The fleet's uptime",
			description = "The share of all instances' health checks that found them up over the last 24 hours, "
					+ "7 and 30 days, every check weighing alike (null for a window without a check).")
	Uptime fleetUptime() {
		return this.uptime.fleet();
	}

}
