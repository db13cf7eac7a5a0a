package com.mindroom.admin.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.mindroom.admin.access.AdminPrincipal;
import com.mindroom.admin.access.AdminPrincipal.Stage;
import com.mindroom.admin.access.AdminSessions;
import com.mindroom.admin.web.AdminPage;

import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The sign-in pages: email and password, then the code from the authenticator app (or a
 * recovery code). Each step that changes who is signed in starts a new session id.
 */
@Controller
@AdminPage
class SignInController {

	private final SignInFlow flow;

	private final AdminSessions sessions;

	private final RequestCache requests;

	private final Enrolments enrolments;

	SignInController(SignInFlow flow, AdminSessions sessions, RequestCache requests, Enrolments enrolments) {
		this.flow = flow;
		this.sessions = sessions;
		this.requests = requests;
		this.enrolments = enrolments;
	}

	@GetMapping("/admin/login")
	String loginPage() {
		AdminPrincipal current = this.sessions.current();
		return (current != null && current.stage() == Stage.ADMIN) ? "redirect:/admin" : "signin/login";
	}

	@PostMapping("/admin/login")
	String login(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		PasswordResult result = this.flow.password(email, password, Client.of(request));
		if (result.error() != null) {
			model.addAttribute("email", email);
			model.addAttribute("error", result.error());
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			return "signin/login";
		}
		AdminPrincipal principal = result.principal();
		this.sessions.establish(principal, request, response);
		if (principal.stage() == Stage.CUSTOMER) {
			return "redirect:/admin";
		}
		if (!result.enrolled()) {
			request.getSession().setAttribute(PendingEnrolment.ATTRIBUTE, this.enrolments.begin(principal));
			return "redirect:/admin/enrol";
		}
		return "redirect:/admin/login/totp";
	}

	@GetMapping("/admin/login/totp")
	String totpPage(HttpServletRequest request) {
		return (request.getSession().getAttribute(PendingEnrolment.ATTRIBUTE) != null) ? "redirect:/admin/enrol"
				: "signin/totp";
	}

	@PostMapping("/admin/login/totp")
	String totp(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		return secondFactor(code, false, request, response, model);
	}

	@PostMapping("/admin/login/recovery")
	String recovery(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return secondFactor(code, true, request, response, model);
	}

	private String secondFactor(String code, boolean recovery, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		AdminPrincipal principal = this.sessions.current();
		String error = this.flow.secondFactor(principal, code, recovery, Client.of(request));
		if (error != null) {
			model.addAttribute("error", error);
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			return "signin/totp";
		}
		SavedRequest saved = this.requests.getRequest(request, response);
		this.sessions.establish(principal.at(Stage.ADMIN), request, response);
		return "redirect:" + target(saved);
	}

	// only a page of the dashboard, never an address someone else chose
	private static String target(SavedRequest saved) {
		if (saved == null) {
			return "/admin";
		}
		UriComponents url = UriComponentsBuilder.fromUriString(saved.getRedirectUrl()).build();
		String local = (url.getPath() != null) ? url.getPath() + ((url.getQuery() != null) ? "?" + url.getQuery() : "")
				: "/admin";
		return (local.startsWith("/admin") && !local.startsWith("/admin/login") && "GET".equals(saved.getMethod()))
				? local : "/admin";
	}

}
