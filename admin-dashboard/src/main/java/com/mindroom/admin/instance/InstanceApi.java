package com.mindroom.admin.instance;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.mindroom.admin.access.Caller;
import com.mindroom.admin.instance.InstanceViews.InstanceDetail;
import com.mindroom.admin.instance.InstanceViews.InstanceRow;
import com.mindroom.admin.instance.InstanceViews.InstanceState;
import com.mindroom.admin.web.Page;
import com.mindroom.admin.web.PageRequest;
import com.mindroom.common.uptime.Uptime;
import com.mindroom.common.uptime.UptimeQueries;
import com.mindroom.common.web.Problems;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Instances and their actions as JSON. Actions answer the instance's state right after
 * the request was recorded; the provisioner carries it out asynchronously.
 */
@RestController
@RequestMapping("/api/admin/instances")
@Tag(name = "Instances", description = "List instances, see one, and act on it through its desired state")
class InstanceApi {

	private final InstanceQueries queries;

	private final InstanceActions actions;

	private final UptimeQueries uptime;

	InstanceApi(InstanceQueries queries, InstanceActions actions, UptimeQueries uptime) {
		this.queries = queries;
		this.actions = actions;
		this.uptime = uptime;
	}

	@GetMapping
	@Operation(summary = "Instances, filtered by observed state, plan and slug or owner email, paged")
	Page<InstanceRow> list(@RequestParam(required = false) String state, @RequestParam(required = false) String plan,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.queries.list(state, plan, q, PageRequest.of(page, size));
	}

	@GetMapping("/{id}")
	@Operation(summary = "An instance with its state and newest events")
	InstanceDetail detail(@PathVariable UUID id) {
		return this.queries.detail(id).orElseThrow(() -> Problems.notFound("No such instance."));
	}

	@GetMapping("/{id}/uptime")
	@Operation(summary = "An instance's uptime",
			description = "The share of health checks that found it up over the last 24 hours, 7 and 30 days "
					+ "(null for a window without a check).")
	Uptime uptime(@PathVariable UUID id) {
		state(id);
		return this.uptime.instance(id);
	}

	@PostMapping("/{id}/{action:restart|suspend|resume|reprovision|retry}")
	@Operation(summary = "Restart, suspend, resume, reprovision or retry an instance",
			description = "restart needs an entitled, running instance; retry needs an instance in error. "
					+ "The body, with an optional reason, may be omitted.")
	InstanceState act(@PathVariable UUID id, @PathVariable String action,
			@RequestBody(required = false) ReasonRequest request, Caller caller) {
		this.actions.act(caller, id, InstanceAction.fromPath(action), (request != null) ? request.reason() : null);
		return state(id);
	}

	@PostMapping("/{id}/delete")
	@Operation(summary = "Delete the instance by scheduling its account's deletion (step-up: a fresh TOTP code)")
	Map<String, Object> delete(@PathVariable UUID id, @RequestBody DeletionRequest request, Caller caller) {
		Instant effective = this.actions.delete(caller, id, request.reason(), request.code(),
				Boolean.TRUE.equals(request.immediately()));
		return Map.of("instance", state(id), "effectiveAt", effective);
	}

	@PostMapping("/retry-failed")
	@Operation(summary = "Make every instance in error retry now")
	Map<String, Integer> retryFailed(Caller caller) {
		return Map.of("retried", this.actions.retryAllFailed(caller));
	}

	private InstanceState state(UUID id) {
		return this.queries.state(id).orElseThrow(() -> Problems.notFound("No such instance."));
	}

	/**
	 * An optional reason for the audit log.
	 *
	 * @param reason why
	 */
	record ReasonRequest(String reason) {

	}

	/**
	 * A deletion's reason, step-up code and timing.
	 *
	 * @param reason why
	 * @param code a fresh TOTP code
	 * @param immediately whether it takes effect now rather than after the grace period
	 */
	record DeletionRequest(String reason, String code, Boolean immediately) {

	}

}
