package com.mindroom.portal.instance;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.mindroom.common.db.TenantTransactions;
import com.mindroom.common.uptime.Uptime;
import com.mindroom.common.uptime.UptimeQueries;
import com.mindroom.common.web.Problems;
import com.mindroom.portal.system.Caller;
import com.mindroom.portal.system.ClusterProperties;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's instance over the API: its state with recent progress and uptime, and
 * start, stop and restart (402 without an entitled subscription, 409 in the wrong state).
 */
@RestController
@RequestMapping("/api/v1/instance")
@Tag(name = "instance", description = "The instance: state, progress, start, stop, restart")
class InstanceApiController {

	private final CustomerInstances instances;

	private final ClusterProperties cluster;

	private final UptimeQueries uptime;

	private final TenantTransactions transactions;

	InstanceApiController(CustomerInstances instances, ClusterProperties cluster, UptimeQueries uptime,
			TenantTransactions transactions) {
		this.instances = instances;
		this.cluster = cluster;
		this.uptime = uptime;
		this.transactions = transactions;
	}

	@GetMapping
	@Operation(summary = "The instance, with its latest events and its uptime",
			description = "404 before the first plan.")
	InstanceResponse instance(Caller caller) {
		// one transaction: the instance, its events and its uptime queries join it
		return this.transactions.asAccount(caller.accountId(), () -> {
			InstanceView instance = current(caller);
			return new InstanceResponse(instance, instance.stateLabel(), instance.settling(), this.cluster.simulated(),
					this.instances.events(caller.accountId(), instance.id(), 20), this.uptime.instance(instance.id()));
		});
	}

	@PostMapping("/start")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Start a stopped instance", description = "402 when the subscription is not entitled.")
	InstanceResponse start(Caller caller) {
		this.instances.start(caller, current(caller).id());
		return instance(caller);
	}

	@PostMapping("/stop")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Stop the instance (data is kept)")
	InstanceResponse stop(Caller caller) {
		this.instances.stop(caller, current(caller).id());
		return instance(caller);
	}

	@PostMapping("/restart")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Restart a running instance",
			description = "402 when the subscription is not entitled, 409 when it is not running.")
	InstanceResponse restart(Caller caller) {
		this.instances.restart(caller, current(caller).id());
		return instance(caller);
	}

	private InstanceView current(Caller caller) {
		return this.instances.current(caller.accountId())
			.orElseThrow(() -> Problems.notFound("No instance yet: choose a plan first."));
	}

	/**
	 * The instance as the API shows it.
	 *
	 * @param instance the instance
	 * @param state a short label of its state
	 * @param settling whether the provisioner is still working towards the desired state
	 * @param simulatedCluster whether it runs on a simulated cluster (local runs)
	 * @param events its latest events, newest first
	 * @param uptime the share of health checks that found it up over the last 24 hours, 7
	 * and 30 days (null for a window without a check)
	 */
	record InstanceResponse(InstanceView instance, String state, boolean settling, boolean simulatedCluster,
			List<InstanceEvent> events, Uptime uptime) {

	}

}
