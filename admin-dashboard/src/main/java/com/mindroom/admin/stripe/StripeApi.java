package com.mindroom.admin.stripe;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.mindroom.admin.access.Caller;
import com.mindroom.admin.stripe.StripeViews.StripeEvent;
import com.mindroom.admin.stripe.StripeViews.StripeEventDetail;
import com.mindroom.admin.stripe.StripeViews.StripeJob;
import com.mindroom.admin.web.Page;
import com.mindroom.admin.web.PageRequest;
import com.mindroom.common.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Stripe inbox and its jobs as JSON.
 */
@RestController
@RequestMapping("/api/admin/stripe")
@Tag(name = "Stripe events", description = "The webhook inbox, reprocessing, and the stripe-handler's jobs")
class StripeApi {

	private final StripeEvents events;

	StripeApi(StripeEvents events) {
		this.events = events;
	}

	@GetMapping("/events")
	@Operation(summary = "Inbox events, newest first",
			description = "status: received, processed, ignored or failed; type: exact, or a prefix with * "
					+ "(invoice.*).")
	Page<StripeEvent> list(@RequestParam(required = false) String status, @RequestParam(required = false) String type,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.events.list(status, type, PageRequest.of(page, size));
	}

	@GetMapping("/events/{id}")
	@Operation(summary = "An event with its payload, secrets redacted")
	StripeEventDetail detail(@PathVariable String id) {
		return this.events.detail(id).orElseThrow(() -> Problems.notFound("No such event."));
	}

	@PostMapping("/events/{id}/reprocess")
	@Operation(summary = "Make a failed event due again; the stripe-handler's retry applies it")
	StripeEventDetail reprocess(@PathVariable String id, Caller caller) {
		this.events.reprocess(caller, id);
		return detail(id);
	}

	@PostMapping("/{job:backfill|resync}")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Queue a backfill of missed events, or a full resync, for the stripe-handler",
			description = "A request while one of the same kind is queued or running joins it (same job id).")
	Map<String, UUID> job(@PathVariable String job, Caller caller) {
		return Map.of("job", this.events.enqueue(caller, "stripe." + job));
	}

	@GetMapping("/jobs")
	@Operation(summary = "The newest jobs of the stripe-handler",
			description = "Backfill and resync, and stripe.customer_email (a customer's new email, queued by the "
					+ "portal; account is its account).")
	List<StripeJob> jobs() {
		return this.events.recentJobs();
	}

}
