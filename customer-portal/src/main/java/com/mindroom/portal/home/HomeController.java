package com.mindroom.portal.home;

import com.mindroom.common.plan.PlanCatalog;
import com.mindroom.portal.billing.PlanCard;
import com.mindroom.portal.system.Callers;
import com.mindroom.portal.system.PageController;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The landing page: what MindRoom is and the plans from the catalog.
 */
@PageController
class HomeController {

	private final PlanCatalog plans;

	HomeController(PlanCatalog plans) {
		this.plans = plans;
	}

	@GetMapping("/")
	String landing(Model model) {
		model.addAttribute("plans", PlanCard.all(this.plans));
		model.addAttribute("signedIn", Callers.current().isPresent());
		return "landing";
	}

}
