package com.mindroom.admin.alert;

import com.mindroom.admin.web.AdminPage;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The incidents page: what is wrong now, and what was lately.
 */
@Controller
@AdminPage
class IncidentPages {

	private final AlertIncidents incidents;

	IncidentPages(AlertIncidents incidents) {
		this.incidents = incidents;
	}

	@GetMapping("/admin/incidents")
	String list(Model model) {
		model.addAttribute("open", this.incidents.open());
		model.addAttribute("resolved", this.incidents.recentlyResolved());
		model.addAttribute("resolvedDays", AlertIncidents.RESOLVED_DAYS);
		return "incidents/list";
	}

}
