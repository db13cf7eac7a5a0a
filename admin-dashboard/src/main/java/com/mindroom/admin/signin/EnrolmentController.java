package com.mindroom.admin.signin;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import com.mindroom.admin.access.AdminPrincipal;
import com.mindroom.admin.access.AdminPrincipal.Stage;
import com.mindroom.admin.access.AdminSessions;
import com.mindroom.admin.web.AdminPage;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The enrolment pages: open a one-time link (a button press uses it up, so link previews
 * cannot), scan the QR code, confirm with the first code, note the recovery codes.
 */
@Controller
@AdminPage
class EnrolmentController {

	private final Enrolments enrolments;

	private final SignInFlow flow;

	private final AdminSessions sessions;

	EnrolmentController(Enrolments enrolments, SignInFlow flow, AdminSessions sessions) {
		this.enrolments = enrolments;
		this.flow = flow;
		this.sessions = sessions;
	}

	@GetMapping(path = "/admin/enrol", params = "token")
	String startPage(@RequestParam String token, Model model) {
		model.addAttribute("token", token);
		return "signin/enrol-start";
	}

	@PostMapping("/admin/enrol/start")
	String start(@RequestParam(defaultValue = "") String token, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<PendingEnrolment> pending = this.enrolments.redeem(token);
		if (pending.isEmpty()) {
			model.addAttribute("error",
					"This enrolment link is invalid, expired or already used. Ask an operator for a new one.");
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "signin/enrol-start";
		}
		this.sessions.end(request);
		HttpSession session = request.getSession(true);
		session.setAttribute(PendingEnrolment.ATTRIBUTE, pending.get());
		return "redirect:/admin/enrol";
	}

	@GetMapping(path = "/admin/enrol", params = "!token")
	String enrolPage(HttpServletRequest request, Model model) {
		PendingEnrolment pending = pending(request);
		if (pending == null) {
			return "redirect:/admin/login";
		}
		model.addAttribute("email", pending.email());
		model.addAttribute("qrCode", this.enrolments.qrCode(pending));
		model.addAttribute("secret", this.enrolments.secretText(pending));
		return "signin/enrol";
	}

	@PostMapping("/admin/enrol")
	String confirm(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		PendingEnrolment pending = pending(request);
		if (pending == null) {
			return "redirect:/admin/login";
		}
		Client client = Client.of(request);
		Optional<List<String>> codes = this.enrolments.confirm(pending, code, client);
		if (codes.isEmpty()) {
			model.addAttribute("error", "That code is not right. Check the time on your phone and try the next code.");
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			return enrolPage(request, model);
		}
		request.getSession().removeAttribute(PendingEnrolment.ATTRIBUTE);
		AdminPrincipal current = this.sessions.current();
		boolean signedIn = current != null && current.stage() == Stage.PASSWORD
				&& current.accountId().equals(pending.accountId());
		if (signedIn) {
			this.flow.signedIn(current, "enrolment", client);
			this.sessions.establish(current.at(Stage.ADMIN), request, response);
		}
		model.addAttribute("recoveryCodes", codes.get());
		model.addAttribute("signedIn", signedIn);
		return "signin/recovery-codes";
	}

	private static PendingEnrolment pending(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return (session != null && session.getAttribute(PendingEnrolment.ATTRIBUTE) instanceof PendingEnrolment found)
				? found : null;
	}

}
