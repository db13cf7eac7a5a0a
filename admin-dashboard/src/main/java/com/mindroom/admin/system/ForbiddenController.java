package com.mindroom.admin.system;

import jakarta.servlet.http.HttpServletRequest;

import com.mindroom.admin.web.AdminPage;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Renders the 403 page that {@link AccessHandlers} forwards to.
 */
@Controller
@AdminPage
class ForbiddenController {

	@RequestMapping("/admin/forbidden")
	String forbidden(HttpServletRequest request, Model model) {
		Object message = request.getAttribute(AccessHandlers.FORBIDDEN_MESSAGE);
		model.addAttribute("message", (message != null) ? message : "You may not open this.");
		return "forbidden";
	}

}
