package com.mindroom.admin.stripe;

import jakarta.servlet.http.HttpServletRequest;

import com.mindroom.admin.access.Caller;
import com.mindroom.admin.web.AdminPage;
import com.mindroom.admin.web.Flash;
import com.mindroom.admin.web.Page;
import com.mindroom.admin.web.PageRequest;
import com.mindroom.admin.web.Pager;
import com.mindroom.common.web.Problems;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Stripe pages: the inbox with filters and the backfill and resync buttons, and one
 * event with its redacted payload and "reprocess".
 */
@Controller
@AdminPage
class StripePages {

	private final StripeEvents events;

	StripePages(StripeEvents events) {
		this.events = events;
	}

	@GetMapping("/admin/stripe")
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String type,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model,
			HttpServletRequest request) {
		Page<StripeViews.StripeEvent> events = this.events.list(status, type, PageRequest.of(page, size));
		model.addAttribute("events", events);
		model.addAttribute("pager", Pager.of(events, request));
		model.addAttribute("jobs", this.events.recentJobs());
		model.addAttribute("status", (status != null) ? status : "");
		model.addAttribute("type", (type != null) ? type : "");
		model.addAttribute("statuses", StripeEvents.STATUSES.stream().sorted().toList());
		return "stripe/list";
	}

	@GetMapping("/admin/stripe/events/{id}")
	String detail(@PathVariable String id, Model model) {
		model.addAttribute("detail", this.events.detail(id).orElseThrow(() -> Problems.notFound("No such event.")));
		return "stripe/detail";
	}

	@PostMapping("/admin/stripe/events/{id}/reprocess")
	String reprocess(@PathVariable String id, Caller caller, RedirectAttributes redirect) {
		Flash.run(redirect, "The event is due again; the stripe-handler will apply it shortly.",
				() -> this.events.reprocess(caller, id));
		return "redirect:/admin/stripe/events/" + id;
	}

	@PostMapping("/admin/stripe/{job:backfill|resync}")
	String job(@PathVariable String job, Caller caller, RedirectAttributes redirect) {
		Flash.run(redirect,
				("backfill".equals(job) ? "Backfill" : "Full resync")
						+ " queued; the stripe-handler picks it up. A second request joins the queued one.",
				() -> this.events.enqueue(caller, "stripe." + job));
		return "redirect:/admin/stripe";
	}

}
