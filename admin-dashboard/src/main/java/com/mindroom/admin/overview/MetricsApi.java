package com.mindroom.admin.overview;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The overview's figures as JSON.
 */
@RestController
@Tag(name = "Metrics", description = "Business figures: MRR, subscriptions, churn, sign-ups, instance states")
class MetricsApi {

	private final BusinessMetrics metrics;

	MetricsApi(BusinessMetrics metrics) {
		this.metrics = metrics;
	}

	@GetMapping("/api/admin/metrics")
	@Operation(summary = "The business at this moment",
			description = "MRR in minor units per currency (entitled subscriptions only, yearly prices divided by 12, "
					+ "trials apart), subscriptions per plan, trials, past due, churn in the last 30 days, sign-ups "
					+ "per day, instances per observed state, troubled instances and the Stripe inbox.")
	Metrics metrics() {
		return this.metrics.compute();
	}

}
