package com.mindroom.portal.instance;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.mindroom.common.db.TenantTransactions;
import com.mindroom.common.instance.InstanceActionRefusedException;
import com.mindroom.common.plan.Plan;
import com.mindroom.common.plan.PlanCatalog;
import com.mindroom.common.uptime.UptimeQueries;
import com.mindroom.common.web.Problems;
import com.mindroom.portal.account.Account;
import com.mindroom.portal.billing.PlanCard;
import com.mindroom.portal.billing.SubscriptionView;
import com.mindroom.portal.billing.Subscriptions;
import com.mindroom.portal.system.AccountGate;
import com.mindroom.portal.system.Caller;
import com.mindroom.portal.system.ClusterProperties;
import com.mindroom.portal.system.PageController;
import com.mindroom.portal.usage.UsageCharts;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dashboard: the instance card with its live progress (an htmx fragment polled while
 * the provisioner works), start, stop and restart, the plan and its limits, the
 * instance's uptime over 24 hours, 7 and 30 days, and usage for the last 30 days. Without
 * a subscription it offers the plans.
 */
@PageController
class DashboardController {

	private static final int EVENTS = 12;

	private final CustomerInstances instances;

	private final Subscriptions subscriptions;

	private final PlanCatalog plans;

	private final UsageCharts charts;

	private final ClusterProperties cluster;

	private final Clock clock;

	private final TenantTransactions transactions;

	private final UptimeQueries uptime;

	DashboardController(CustomerInstances instances, Subscriptions subscriptions, PlanCatalog plans, UsageCharts charts,
			ClusterProperties cluster, Clock clock, TenantTransactions transactions, UptimeQueries uptime) {
		this.transactions = transactions;
		this.uptime = uptime;
		this.instances = instances;
		this.subscriptions = subscriptions;
		this.plans = plans;
		this.charts = charts;
		this.cluster = cluster;
		this.clock = clock;
	}

	// one transaction for the whole page: its queries join it instead of each opening one
	@GetMapping("/app")
	String dashboard(Caller caller, @RequestAttribute(AccountGate.ACCOUNT) Account account, Model model) {
		return this.transactions.asAccount(caller.accountId(), () -> dashboardModel(caller, account, model));
	}

	private String dashboardModel(Caller caller, Account account, Model model) {
		SubscriptionView subscription = this.subscriptions.current(caller.accountId()).orElse(null);
		model.addAttribute("account", account);
		model.addAttribute("subscription", subscription);
		model.addAttribute("now", this.clock.instant());
		if (subscription == null) {
			model.addAttribute("plans", PlanCard.all(this.plans));
			return "app/welcome";
		}
		Plan plan = this.plans.require(subscription.plan());
		model.addAttribute("plan", plan);
		model.addAttribute("features",
				PlanCard.all(this.plans)
					.stream()
					.filter((card) -> card.id().equals(plan.id()))
					.findFirst()
					.map(PlanCard::features)
					.orElse(List.of()));
		model.addAttribute("charts", this.charts.lastMonth(caller.accountId(), plan.limits()));
		this.instances.current(caller.accountId()).ifPresent((instance) -> {
			card(caller, instance, model);
			// under the caller's row-level security, like every query of this page
			model.addAttribute("uptime", this.uptime.instance(instance.id()));
		});
		return "app/dashboard";
	}

	@GetMapping("/app/instance/card")
	String instanceCard(Caller caller, Model model) {
		model.addAttribute("simulated", this.cluster.simulated());
		this.instances.current(caller.accountId()).ifPresent((instance) -> card(caller, instance, model));
		return "app/dashboard :: instance-card";
	}

	@PostMapping("/app/instances/{id}/{action:start|stop|restart}")
	String act(Caller caller, @PathVariable UUID id, @PathVariable String action, RedirectAttributes flash) {
		try {
			switch (action) {
				case "start" -> this.instances.start(caller, id);
				case "stop" -> this.instances.stop(caller, id);
				default -> this.instances.restart(caller, id);
			}
			flash.addFlashAttribute("notice", switch (action) {
				case "start" -> "Starting your instance.";
				case "stop" -> "Stopping your instance. Your data is kept.";
				default -> "Restarting your instance.";
			});
		}
		catch (InstanceActionRefusedException ex) {
			switch (ex.reason()) {
				case NOT_FOUND -> throw Problems.notFound("No such instance.");
				case NOT_ENTITLED ->
					flash.addFlashAttribute("error", "Your subscription does not allow the instance to run ("
							+ ex.getMessage() + "). Choose a plan or update your payment on the billing page.");
				default -> flash.addFlashAttribute("error", ex.getMessage());
			}
		}
		return "redirect:/app";
	}

	private void card(Caller caller, InstanceView instance, Model model) {
		model.addAttribute("instance", instance);
		model.addAttribute("events", this.instances.events(caller.accountId(), instance.id(), EVENTS));
		model.addAttribute("simulated", this.cluster.simulated());
	}

}
