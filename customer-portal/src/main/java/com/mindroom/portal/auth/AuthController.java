package com.mindroom.portal.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.mindroom.common.identity.IdentityException;
import com.mindroom.common.identity.IdentityProvider;
import com.mindroom.common.identity.Session;
import com.mindroom.common.identity.SignUpOutcome;
import com.mindroom.common.plan.PlanCatalog;
import com.mindroom.portal.auth.SignIns.ThrottledException;
import com.mindroom.portal.system.Callers;
import com.mindroom.portal.system.PortalProperties;

import com.mindroom.portal.system.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in pages: sign up, sign in, email confirmation, forgotten and reset password.
 * Errors never tell whether an email has an account.
 */
@PageController
@RequestMapping("/auth")
class AuthController {

	private final IdentityProvider identity;

	private final SignIns signIns;

	private final PortalProperties properties;

	private final PlanCatalog plans;

	AuthController(IdentityProvider identity, SignIns signIns, PortalProperties properties, PlanCatalog plans) {
		this.identity = identity;
		this.signIns = signIns;
		this.properties = properties;
		this.plans = plans;
	}

	@GetMapping("/login")
	String loginForm(@RequestParam(required = false) String next) {
		return Callers.current().isPresent() ? "redirect:" + RedirectTargets.safe(next) : "auth/login";
	}

	@PostMapping("/login")
	String login(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
			@RequestParam(required = false) String next, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		try {
			Session session = this.signIns.withPassword(email, password, request);
			this.signIns.startBrowserSession(session, request, response);
			return "redirect:" + RedirectTargets.safe(next);
		}
		catch (IdentityException | ThrottledException ex) {
			model.addAttribute("email", email);
			model.addAttribute("error", ex.getMessage());
			response.setStatus((ex instanceof ThrottledException) ? 429 : 400);
			return "auth/login";
		}
	}

	@GetMapping("/signup")
	String signupForm(@RequestParam(required = false) String plan, Model model) {
		model.addAttribute("plan", this.plans.find(plan).map((found) -> found.id()).orElse(null));
		return "auth/signup";
	}

	@PostMapping("/signup")
	String signup(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "false") boolean terms,
			@RequestParam(required = false) String plan, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		model.addAttribute("name", name);
		model.addAttribute("email", email);
		model.addAttribute("plan", this.plans.find(plan).map((found) -> found.id()).orElse(null));
		if (!terms) {
			return refused(model, response, "Accept the terms of service to create an account.", "auth/signup");
		}
		if (name.length() > 200) {
			return refused(model, response, "Use a name of at most 200 characters.", "auth/signup");
		}
		try {
			SignUpOutcome outcome = this.identity.signUp(email, password, name.trim(),
					this.properties.url("/auth/confirm"));
			if (outcome.confirmationSent()) {
				return "auth/check-inbox";
			}
			this.signIns.startBrowserSession(outcome.session(), request, response);
			return "redirect:/app";
		}
		catch (IdentityException ex) {
			return refused(model, response, ex.getMessage(), "auth/signup");
		}
	}

	@GetMapping("/confirm")
	String confirmForm(@RequestParam(required = false) String token,
			@RequestParam(name = "token_hash", required = false) String tokenHash, Model model) {
		model.addAttribute("token", (token != null) ? token : tokenHash);
		return "auth/confirm";
	}

	// a POST, so a mail scanner that follows the link does not use the token up
	@PostMapping("/confirm")
	String confirm(@RequestParam(defaultValue = "") String token, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		try {
			Session session = this.identity.confirmEmail(token);
			this.signIns.startBrowserSession(session, request, response);
			this.signIns.audited(session, "auth.email_confirmed", request);
			return "redirect:/app?welcome";
		}
		catch (IdentityException ex) {
			model.addAttribute("token", token);
			return refused(model, response, ex.getMessage(), "auth/confirm");
		}
	}

	@GetMapping("/forgot")
	String forgotForm() {
		return "auth/forgot";
	}

	@PostMapping("/forgot")
	String forgot(@RequestParam(defaultValue = "") String email, Model model, HttpServletResponse response) {
		try {
			this.identity.sendPasswordReset(email, this.properties.url("/auth/reset"));
		}
		catch (IdentityException ex) {
			model.addAttribute("email", email);
			return refused(model, response, ex.getMessage(), "auth/forgot");
		}
		model.addAttribute("sent", true);
		return "auth/forgot";
	}

	@GetMapping("/reset")
	String resetForm(@RequestParam(required = false) String token,
			@RequestParam(name = "token_hash", required = false) String tokenHash, Model model) {
		model.addAttribute("token", (token != null) ? token : tokenHash);
		return "auth/reset";
	}

	@PostMapping("/reset")
	String reset(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		try {
			Session session = this.identity.resetPassword(token, password);
			this.signIns.startBrowserSession(session, request, response);
			this.signIns.audited(session, "auth.password_reset", request);
			return "redirect:/app?reset";
		}
		catch (IdentityException ex) {
			model.addAttribute("token", token);
			return refused(model, response, ex.getMessage(), "auth/reset");
		}
	}

	private static String refused(Model model, HttpServletResponse response, String message, String view) {
		model.addAttribute("error", message);
		response.setStatus(400);
		return view;
	}

}
