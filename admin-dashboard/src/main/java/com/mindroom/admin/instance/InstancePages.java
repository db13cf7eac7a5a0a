package com.mindroom.admin.instance;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Arrays;
import java.util.UUID;

import com.mindroom.admin.access.Caller;
import com.mindroom.admin.web.AdminPage;
import com.mindroom.admin.web.Flash;
import com.mindroom.admin.web.Page;
import com.mindroom.admin.web.PageRequest;
import com.mindroom.admin.web.Pager;
import com.mindroom.common.lifecycle.ObservedState;
import com.mindroom.common.plan.Plan;
import com.mindroom.common.plan.PlanCatalog;
import com.mindroom.common.uptime.UptimeQueries;
import com.mindroom.common.web.Problems;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The instance pages: the filtered list with "retry all failed", and an instance's page
 * (with its uptime) whose state panel htmx refreshes every two seconds, so an action is
 * seen taking effect.
 */
@Controller
@AdminPage
class InstancePages {

	private final InstanceQueries queries;

	private final InstanceActions actions;

	private final PlanCatalog plans;

	private final UptimeQueries uptime;

	InstancePages(InstanceQueries queries, InstanceActions actions, PlanCatalog plans, UptimeQueries uptime) {
		this.queries = queries;
		this.actions = actions;
		this.plans = plans;
		this.uptime = uptime;
	}

	@GetMapping("/admin/instances")
	String list(@RequestParam(required = false) String state, @RequestParam(required = false) String plan,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model, HttpServletRequest request) {
		Page<InstanceViews.InstanceRow> instances = this.queries.list(state, plan, q, PageRequest.of(page, size));
		model.addAttribute("instances", instances);
		model.addAttribute("pager", Pager.of(instances, request));
		model.addAttribute("state", (state != null) ? state : "");
		model.addAttribute("plan", (plan != null) ? plan : "");
		model.addAttribute("q", (q != null) ? q : "");
		model.addAttribute("states", Arrays.stream(ObservedState.values()).map(ObservedState::dbValue).toList());
		model.addAttribute("plans", this.plans.all().stream().map(Plan::id).toList());
		return "instances/list";
	}

	@GetMapping("/admin/instances/{id}")
	String detail(@PathVariable UUID id, Model model) {
		model.addAttribute("detail", this.queries.detail(id).orElseThrow(() -> Problems.notFound("No such instance.")));
		model.addAttribute("uptime", this.uptime.instance(id));
		return "instances/detail";
	}

	@GetMapping("/admin/instances/{id}/state")
	String state(@PathVariable UUID id, Model model) {
		model.addAttribute("state", this.queries.state(id).orElseThrow(() -> Problems.notFound("No such instance.")));
		return "instances/detail :: state";
	}

	@PostMapping("/admin/instances/{id}/{action:restart|suspend|resume|reprovision|retry}")
	String act(@PathVariable UUID id, @PathVariable String action, @RequestParam(required = false) String reason,
			Caller caller, RedirectAttributes redirect) {
		InstanceAction chosen = InstanceAction.fromPath(action);
		Flash.run(redirect, chosen.done(), () -> this.actions.act(caller, id, chosen, reason));
		return "redirect:/admin/instances/" + id;
	}

	@PostMapping("/admin/instances/{id}/delete")
	String delete(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
			@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "grace") String when,
			Caller caller, RedirectAttributes redirect) {
		Flash.run(redirect, "The account's deletion is scheduled; the instance will be deleted when it takes effect.",
				() -> this.actions.delete(caller, id, reason, code, "now".equals(when)));
		return "redirect:/admin/instances/" + id;
	}

	@PostMapping("/admin/instances/retry-failed")
	String retryFailed(Caller caller, RedirectAttributes redirect) {
		int count = this.actions.retryAllFailed(caller);
		redirect.addFlashAttribute("flashSuccess", count + " instance(s) in error will retry now.");
		return "redirect:/admin/instances?state=error";
	}

}
