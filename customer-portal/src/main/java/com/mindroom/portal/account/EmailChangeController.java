package com.mindroom.portal.account;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.mindroom.common.identity.EmailChange;
import com.mindroom.common.identity.IdentityException;
import com.mindroom.portal.system.PageController;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page the email change link leads to: a button that confirms the change (a POST, so
 * a mail scanner that follows the link does not use the token up). It works signed in or
 * not, since the token is the proof.
 */
@PageController
@RequestMapping("/auth/email-change")
class EmailChangeController {

	private static final String VIEW = "auth/email-change";

	private final EmailChanges changes;

	EmailChangeController(EmailChanges changes) {
		this.changes = changes;
	}

	@GetMapping
	String confirmForm(@RequestParam(required = false) String token,
			@RequestParam(name = "token_hash", required = false) String tokenHash, Model model) {
		model.addAttribute("token", (token != null) ? token : tokenHash);
		return VIEW;
	}

	@PostMapping
	String confirm(@RequestParam(defaultValue = "") String token, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		try {
			Optional<EmailChange> change = this.changes.confirm(token, request);
			model.addAttribute("changedTo", change.map(EmailChange::newEmail).orElse(null));
			model.addAttribute("waiting", change.isEmpty());
		}
		catch (IdentityException ex) {
			model.addAttribute("token", token);
			model.addAttribute("error", ex.getMessage());
			response.setStatus(400);
		}
		return VIEW;
	}

}
